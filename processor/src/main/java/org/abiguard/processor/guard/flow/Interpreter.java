package org.abiguard.processor.guard.flow;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreePath;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import org.abiguard.processor.guard.Declarations;
import org.abiguard.processor.guard.facts.Arith;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.guard.facts.Range;
import org.abiguard.processor.guard.facts.Text;
import org.abiguard.processor.guard.sinks.Sink;
import org.abiguard.processor.guard.sinks.SinkChecker;
import org.abiguard.processor.model.JavaKind;
import org.abiguard.processor.model.Width;

/**
 * The abstract interpreter: walks one method body (or lambda body, or initializer) over
 * javac's attributed trees, keeping a {@link State} of facts per program point, and checks
 * every value that reaches a sink. Statements transform the state; expressions yield the fact
 * of their value; conditions yield a state per outcome, which is how range checks sharpen the
 * facts they dominate. Loops iterate to a fixpoint, widening changing bounds to the declared
 * (or Java type) limit so that they stop after a few rounds.
 */
public final class Interpreter {
  private static final int WIDEN_AFTER = 2;
  private static final int MAX_ROUNDS = 6;

  private final Context cx;
  private final Declarations decls;
  private final Sink returnSink;
  private State state;
  private final Deque<Target> targets = new ArrayDeque<>();
  private final Deque<State[]> tries = new ArrayDeque<>();
  private Name pendingLabel;

  /** Where {@code break}, {@code continue} and {@code yield} go. */
  private static final class Target {
    final Tree tree;
    final Name label;
    final boolean loop;
    final boolean switchExpression;
    State breaks;
    State continues;
    Fact yielded;

    Target(Tree tree, Name label, boolean loop, boolean switchExpression) {
      this.tree = tree;
      this.label = label;
      this.loop = loop;
      this.switchExpression = switchExpression;
    }
  }

  /** The states after a condition, when it holds and when it does not; null is unreachable. */
  private record Branches(State whenTrue, State whenFalse) {}

  public Interpreter(Context cx, State initial, Sink returnSink) {
    this.cx = cx;
    this.decls = cx.decls;
    this.state = initial;
    this.returnSink = returnSink;
  }

  /** Analyses a method: its parameters keep their declared facts. */
  public static void analyseMethod(Context cx, TreePath method, State captured) {
    MethodTree mt = (MethodTree) method.getLeaf();
    if (mt.getBody() == null) {
      return;
    }
    Element e = cx.trees.getElement(method);
    Sink ret = e instanceof ExecutableElement m ? cx.decls.returnSink(m) : null;
    State initial = captured == null ? new State() : captured.copy();
    for (VariableTree p : mt.getParameters()) {
      Element pe = cx.trees.getElement(new TreePath(method, p));
      if (pe != null) {
        initial.kill(pe);
      }
    }
    new Interpreter(cx, initial, ret).exec(new TreePath(method, mt.getBody()));
  }

  /** Analyses the field initializers and initializer blocks of a class. */
  public static void analyseInitializers(Context cx, TreePath classPath, State captured) {
    ClassTree ct = (ClassTree) classPath.getLeaf();
    Interpreter in = new Interpreter(cx, captured == null ? new State() : captured.copy(), null);
    for (Tree member : ct.getMembers()) {
      TreePath mp = new TreePath(classPath, member);
      if (member instanceof VariableTree vt && vt.getInitializer() != null) {
        Element field = cx.trees.getElement(mp);
        TreePath init = new TreePath(mp, vt.getInitializer());
        Fact f = in.eval(init);
        in.check(cx.decls.variableSink(field), f, in.kind(init), init);
      } else if (member instanceof BlockTree) {
        in.state = in.state == null ? new State() : in.state;
        in.exec(mp);
      }
    }
  }

  // ---------------------------------------------------------------- statements

  void exec(TreePath p) {
    if (state == null) {
      return;
    }
    Tree t = p.getLeaf();
    switch (t.getKind()) {
      case BLOCK -> {
        for (StatementTree s : ((BlockTree) t).getStatements()) {
          exec(new TreePath(p, s));
        }
      }
      case VARIABLE -> declareLocal(p, (VariableTree) t);
      case EXPRESSION_STATEMENT -> eval(new TreePath(p, ((ExpressionStatementTree) t).getExpression()));
      case IF -> {
        IfTree it = (IfTree) t;
        Branches c = cond(new TreePath(p, it.getCondition()));
        state = c.whenTrue;
        exec(new TreePath(p, it.getThenStatement()));
        State afterThen = state;
        state = c.whenFalse;
        if (it.getElseStatement() != null) {
          exec(new TreePath(p, it.getElseStatement()));
        }
        state = State.join(afterThen, state);
      }
      case WHILE_LOOP -> whileLoop(p, (WhileLoopTree) t);
      case DO_WHILE_LOOP -> doWhileLoop(p, (DoWhileLoopTree) t);
      case FOR_LOOP -> forLoop(p, (ForLoopTree) t);
      case ENHANCED_FOR_LOOP -> enhancedFor(p, (EnhancedForLoopTree) t);
      case LABELED_STATEMENT -> labeled(p, (LabeledStatementTree) t);
      case SWITCH -> switchStatement(p, (SwitchTree) t);
      case RETURN -> {
        ReturnTree rt = (ReturnTree) t;
        if (rt.getExpression() != null) {
          TreePath e = new TreePath(p, rt.getExpression());
          Fact f = eval(e);
          check(returnSink, f, kind(e), e);
        }
        state = null;
      }
      case THROW -> {
        eval(new TreePath(p, ((ThrowTree) t).getExpression()));
        state = null;
      }
      case BREAK -> {
        Target target = breakTarget(((BreakTree) t).getLabel());
        if (target != null) {
          target.breaks = State.join(target.breaks, state);
        }
        state = null;
      }
      case CONTINUE -> {
        Target target = continueTarget(((ContinueTree) t).getLabel());
        if (target != null) {
          target.continues = State.join(target.continues, state);
        }
        state = null;
      }
      case YIELD -> {
        TreePath e = new TreePath(p, ((YieldTree) t).getValue());
        Fact f = eval(e);
        Target target = yieldTarget();
        if (target != null) {
          target.yielded = Fact.join(target.yielded, Arith.convert(f, kind(e), kind(new TreePath(p, target.tree))));
          target.breaks = State.join(target.breaks, state);
        }
        state = null;
      }
      case TRY -> tryStatement(p, (TryTree) t);
      case SYNCHRONIZED -> {
        SynchronizedTree st = (SynchronizedTree) t;
        eval(new TreePath(p, st.getExpression()));
        exec(new TreePath(p, st.getBlock()));
      }
      case CLASS -> analyseLocalClass(p);
      case ASSERT -> {
        State before = state;
        Branches c = cond(new TreePath(p, ((com.sun.source.tree.AssertTree) t).getCondition()));
        state = State.join(before, State.join(c.whenTrue, c.whenFalse));
      }
      default -> { }
    }
  }

  private void declareLocal(TreePath p, VariableTree vt) {
    Element v = cx.trees.getElement(p);
    if (v == null) {
      return;
    }
    AccessPath ap = AccessPath.of(v);
    state.kill(v);
    if (vt.getInitializer() == null) {
      return;
    }
    TreePath init = new TreePath(p, vt.getInitializer());
    Fact f = eval(init);
    if (state == null) {
      return;
    }
    check(decls.variableSink(v), f, kind(init), init);
    JavaKind kv = decls.kindOf(v.asType());
    if (kv != null) {
      state.put(ap, stored(v, Arith.convert(f, kind(init), kv)));
      noteUpdate();
    }
  }

  /** The fact a variable holds after a write: the value's, within the declared width. */
  private Fact stored(Element v, Fact f) {
    Fact declared = decls.readFact(v);
    if (declared == null) {
      return f;
    }
    return f != null && declared.range().contains(f.range()) ? f : declared;
  }

  private void whileLoop(TreePath p, WhileLoopTree t) {
    Target target = push(t, true);
    TreePath condition = new TreePath(p, t.getCondition());
    loop(target, () -> {
      Branches c = cond(condition);
      state = c.whenTrue;
      exec(new TreePath(p, t.getStatement()));
      State back = State.join(state, target.continues);
      state = c.whenFalse;
      return back;
    });
  }

  private void doWhileLoop(TreePath p, DoWhileLoopTree t) {
    Target target = push(t, true);
    TreePath condition = new TreePath(p, t.getCondition());
    loop(target, () -> {
      exec(new TreePath(p, t.getStatement()));
      state = State.join(state, target.continues);
      if (state == null) {
        return null;
      }
      Branches c = cond(condition);
      state = c.whenFalse;
      return c.whenTrue;
    });
  }

  private void forLoop(TreePath p, ForLoopTree t) {
    for (StatementTree s : t.getInitializer()) {
      exec(new TreePath(p, s));
    }
    if (state == null) {
      return;
    }
    Target target = push(t, true);
    loop(target, () -> {
      Branches c = t.getCondition() == null
          ? new Branches(state, null) : cond(new TreePath(p, t.getCondition()));
      state = c.whenTrue;
      exec(new TreePath(p, t.getStatement()));
      state = State.join(state, target.continues);
      for (ExpressionStatementTree u : t.getUpdate()) {
        exec(new TreePath(p, u));
      }
      State back = state;
      state = c.whenFalse;
      return back;
    });
  }

  private void enhancedFor(TreePath p, EnhancedForLoopTree t) {
    TreePath expr = new TreePath(p, t.getExpression());
    eval(expr);
    if (state == null) {
      return;
    }
    TreePath varPath = new TreePath(p, t.getVariable());
    Element v = cx.trees.getElement(varPath);
    Element array = cx.trees.getElement(strip(expr));
    Fact element = null;
    Width ew = decls.elementWidth(array);
    JavaKind kv = v == null ? null : decls.kindOf(v.asType());
    if (ew != null) {
      element = Fact.declared(ew, decls.elementKind(array), "element of " + decls.describe(array) + " (" + ew + ")");
    } else if (kv != null) {
      element = plain(kv, () -> decls.describe(v));
    }
    Fact elementFact = Arith.convert(element, ew != null ? decls.elementKind(array) : kv, kv);
    Target target = push(t, true);
    loop(target, () -> {
      State entry = state.copy();
      if (v != null && kv != null) {
        check(decls.variableSink(v), elementFact, kv, varPath);
        state.kill(v);
        state.put(AccessPath.of(v), stored(v, elementFact));
      }
      exec(new TreePath(p, t.getStatement()));
      State back = State.join(state, target.continues);
      state = entry;
      return back;
    });
  }

  /**
   * Runs a loop to its fixpoint. The body runs from the loop head's state, leaves the state at
   * the loop's normal exit (condition false) in {@link #state} and returns the state that goes
   * back to the head. The head is the join of the entry and every back edge, widened after a
   * few rounds.
   */
  private void loop(Target target, java.util.function.Supplier<State> body) {
    State entry = state;
    State head = entry.copy();
    State exit = null;
    for (int round = 0; ; round++) {
      target.breaks = null;
      target.continues = null;
      state = head.copy();
      State back = body.get();
      exit = State.join(state, target.breaks);
      State next = State.join(head, State.join(entry, back));
      if (next == null || State.same(next, head) || round >= MAX_ROUNDS) {
        break;
      }
      head = round + 1 >= WIDEN_AFTER ? widen(head, next, round + 1 >= MAX_ROUNDS - 1) : next;
    }
    targets.pop();
    state = exit;
  }

  /**
   * Widening: a bound that still moves jumps to its limit, the declared width of the variable
   * or the range of its Java type; in lenient mode a plain variable whose bound moves is a
   * plain Java value (no fact) from then on, as is everything still moving in the last round.
   */
  private State widen(State head, State next, boolean last) {
    State out = next.copy();
    for (Map.Entry<AccessPath, Fact> e : next.entries()) {
      if (!head.has(e.getKey())) {
        continue;
      }
      Fact old = head.get(e.getKey());
      Fact now = e.getValue();
      if (now == null || old != null && old.range().contains(now.range()) && old.sameValues(now)) {
        continue;
      }
      Element v = e.getKey().last();
      Fact limit = v == null ? null : decls.readFact(v);
      if (limit == null) {
        if (!cx.strict) {
          out.put(e.getKey(), null);
          continue;
        }
        JavaKind k = v == null ? null : decls.kindOf(v.asType());
        limit = k == null ? null : Declarations.javaTypeFact(k, decls.describe(v));
      }
      if (limit == null || last) {
        out.put(e.getKey(), limit);
        continue;
      }
      Range base = old == null ? now.range() : old.range();
      BigInteger lo = now.range().lo().compareTo(base.lo()) < 0 ? limit.range().lo().min(now.range().lo()) : base.lo();
      BigInteger hi = now.range().hi().compareTo(base.hi()) > 0 ? limit.range().hi().max(now.range().hi()) : base.hi();
      out.put(e.getKey(), new Fact(new Range(lo, hi), now.raw(), now.origin(), now.signExtended()));
    }
    return out;
  }

  private Target push(Tree t, boolean loop) {
    Target target = new Target(t, pendingLabel, loop, t instanceof SwitchExpressionTree);
    pendingLabel = null;
    targets.push(target);
    return target;
  }

  private void labeled(TreePath p, LabeledStatementTree t) {
    StatementTree body = t.getStatement();
    boolean isLoop = body instanceof WhileLoopTree || body instanceof DoWhileLoopTree
        || body instanceof ForLoopTree || body instanceof EnhancedForLoopTree;
    if (isLoop) {
      pendingLabel = t.getLabel();
      exec(new TreePath(p, body));
      return;
    }
    pendingLabel = t.getLabel();
    Target target = push(t, false);
    exec(new TreePath(p, body));
    targets.pop();
    state = State.join(state, target.breaks);
  }

  private Target breakTarget(Name label) {
    for (Target t : targets) {
      if (label == null ? !t.switchExpression && (t.loop || t.tree instanceof SwitchTree) : label.equals(t.label)) {
        return t;
      }
    }
    return null;
  }

  private Target continueTarget(Name label) {
    for (Target t : targets) {
      if (t.loop && (label == null || label.equals(t.label))) {
        return t;
      }
    }
    return null;
  }

  private Target yieldTarget() {
    for (Target t : targets) {
      if (t.switchExpression) {
        return t;
      }
    }
    return null;
  }

  private void switchStatement(TreePath p, SwitchTree t) {
    TreePath selector = new TreePath(p, t.getExpression());
    Fact sel = eval(selector);
    if (state == null) {
      return;
    }
    Target target = push(t, false);
    State after = switchCases(p, t.getCases(), selector, sel, target, null);
    targets.pop();
    state = State.join(after, target.breaks);
  }

  /**
   * Runs the cases of a switch; returns the state after the last case falls out of the switch
   * (joined with the state where no case matched when there is no default). For a switch
   * expression, the value of each arrow expression is joined into the target's yield.
   */
  private State switchCases(TreePath p, List<? extends CaseTree> cases, TreePath selector, Fact sel,
      Target target, JavaKind resultKind) {
    State pre = state;
    AccessPath ap = pathOf(selector);
    State fallthrough = null;
    State out = null;
    boolean hasDefault = false;
    for (CaseTree c : cases) {
      TreePath cp = new TreePath(p, c);
      Range labels = caseRange(cp, c);
      if (c.getExpressions().isEmpty() || labels == null) {
        hasDefault |= c.getExpressions().isEmpty();
      }
      State entry = pre.copy();
      if (labels != null && ap != null && sel != null) {
        Fact refined = sel.restrictJava(labels);
        entry.put(ap, refined == null ? sel : refined);
      }
      if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
        state = entry;
        Tree body = c.getBody();
        TreePath bp = new TreePath(cp, body);
        if (body instanceof ExpressionTree) {
          Fact f = eval(bp);
          if (target.switchExpression && state != null) {
            target.yielded = Fact.join(target.yielded, Arith.convert(f, kind(bp), resultKind));
            target.breaks = State.join(target.breaks, state);
          }
          if (!target.switchExpression) {
            out = State.join(out, state);
          }
        } else {
          exec(bp);
          if (!target.switchExpression) {
            out = State.join(out, state);
          }
        }
        state = null;
      } else {
        state = State.join(fallthrough, entry);
        for (StatementTree s : c.getStatements()) {
          exec(new TreePath(cp, s));
        }
        fallthrough = state;
      }
    }
    out = State.join(out, fallthrough);
    if (!hasDefault) {
      out = State.join(out, pre);
    }
    return out;
  }

  /** The hull of a case's constant labels, or null (default, patterns, enums). */
  private Range caseRange(TreePath cp, CaseTree c) {
    Range r = null;
    for (ExpressionTree e : c.getExpressions()) {
      BigInteger v = constant(new TreePath(cp, e));
      if (v == null) {
        return null;
      }
      r = r == null ? Range.point(v) : r.hull(Range.point(v));
    }
    return r;
  }

  private BigInteger constant(TreePath p) {
    Tree t = p.getLeaf();
    if (t instanceof ParenthesizedTree pt) {
      return constant(new TreePath(p, pt.getExpression()));
    }
    if (t instanceof LiteralTree lt) {
      return integral(lt.getValue());
    }
    if (t.getKind() == Tree.Kind.UNARY_MINUS) {
      BigInteger v = constant(new TreePath(p, ((UnaryTree) t).getExpression()));
      return v == null ? null : v.negate();
    }
    if (t instanceof com.sun.source.tree.IdentifierTree || t instanceof MemberSelectTree) {
      Element e = cx.trees.getElement(p);
      if (e instanceof VariableElement ve) {
        return integral(ve.getConstantValue());
      }
    }
    return null;
  }

  private static BigInteger integral(Object v) {
    if (v instanceof Character ch) {
      return BigInteger.valueOf(ch);
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return BigInteger.valueOf(((Number) v).longValue());
    }
    return null;
  }

  private void tryStatement(TreePath p, TryTree t) {
    for (Tree r : t.getResources()) {
      TreePath rp = new TreePath(p, r);
      if (r instanceof VariableTree) {
        exec(rp);
      } else {
        eval(rp);
      }
    }
    if (state == null) {
      return;
    }
    State pre = state.copy();
    tries.push(new State[] {pre});
    exec(new TreePath(p, t.getBlock()));
    State normal = state;
    State thrown = State.join(tries.pop()[0], normal);
    State caught = null;
    if (!t.getCatches().isEmpty()) {
      tries.push(new State[] {thrown});
      for (CatchTree c : t.getCatches()) {
        state = thrown.copy();
        exec(new TreePath(new TreePath(p, c), c.getBlock()));
        normal = State.join(normal, state);
      }
      caught = tries.pop()[0];
    }
    State escaping = State.join(thrown, caught);
    if (!tries.isEmpty()) {
      tries.peek()[0] = State.join(tries.peek()[0], escaping);
    }
    if (t.getFinallyBlock() != null) {
      state = State.join(normal, escaping);
      exec(new TreePath(p, t.getFinallyBlock()));
      if (normal == null) {
        state = null;
      }
    } else {
      state = normal;
    }
  }

  /** Records the current state as one an exception inside a {@code try} may leave from. */
  private void noteUpdate() {
    if (!tries.isEmpty() && state != null) {
      tries.peek()[0] = State.join(tries.peek()[0], state);
    }
  }

  private void analyseLocalClass(TreePath classPath) {
    ClassTree ct = (ClassTree) classPath.getLeaf();
    State captured = state == null ? new State() : state;
    analyseInitializers(cx, classPath, captured);
    for (Tree member : ct.getMembers()) {
      TreePath mp = new TreePath(classPath, member);
      if (member instanceof MethodTree) {
        analyseMethod(cx, mp, captured);
      } else if (member instanceof ClassTree) {
        analyseLocalClass(mp);
      }
    }
  }

  // ---------------------------------------------------------------- conditions

  private Branches cond(TreePath p) {
    if (state == null) {
      return new Branches(null, null);
    }
    Tree t = p.getLeaf();
    switch (t.getKind()) {
      case PARENTHESIZED:
        return cond(new TreePath(p, ((ParenthesizedTree) t).getExpression()));
      case LOGICAL_COMPLEMENT: {
        Branches b = cond(new TreePath(p, ((UnaryTree) t).getExpression()));
        return new Branches(b.whenFalse, b.whenTrue);
      }
      case CONDITIONAL_AND: {
        BinaryTree bt = (BinaryTree) t;
        Branches l = cond(new TreePath(p, bt.getLeftOperand()));
        state = l.whenTrue;
        Branches r = cond(new TreePath(p, bt.getRightOperand()));
        return new Branches(r.whenTrue, State.join(l.whenFalse, r.whenFalse));
      }
      case CONDITIONAL_OR: {
        BinaryTree bt = (BinaryTree) t;
        Branches l = cond(new TreePath(p, bt.getLeftOperand()));
        state = l.whenFalse;
        Branches r = cond(new TreePath(p, bt.getRightOperand()));
        return new Branches(State.join(l.whenTrue, r.whenTrue), r.whenFalse);
      }
      case BOOLEAN_LITERAL:
        return Boolean.TRUE.equals(((LiteralTree) t).getValue())
            ? new Branches(state, null) : new Branches(null, state);
      case LESS_THAN, LESS_THAN_EQUAL, GREATER_THAN, GREATER_THAN_EQUAL, EQUAL_TO, NOT_EQUAL_TO:
        return compare(p, (BinaryTree) t);
      default: {
        eval(p);
        return new Branches(state, state == null ? null : state.copy());
      }
    }
  }

  private Branches compare(TreePath p, BinaryTree t) {
    TreePath lp = new TreePath(p, t.getLeftOperand());
    TreePath rp = new TreePath(p, t.getRightOperand());
    Fact a = eval(lp);
    Fact b = eval(rp);
    if (state == null) {
      return new Branches(null, null);
    }
    if (a == null || b == null) {
      return new Branches(state, state.copy());
    }
    Range x = a.javaRange();
    Range y = b.javaRange();
    Range[] yes;
    Range[] no;
    switch (t.getKind()) {
      case LESS_THAN -> {
        yes = less(x, y, 1);
        no = swap(less(y, x, 0));
      }
      case LESS_THAN_EQUAL -> {
        yes = less(x, y, 0);
        no = swap(less(y, x, 1));
      }
      case GREATER_THAN -> {
        yes = swap(less(y, x, 1));
        no = less(x, y, 0);
      }
      case GREATER_THAN_EQUAL -> {
        yes = swap(less(y, x, 0));
        no = less(x, y, 1);
      }
      case EQUAL_TO -> {
        yes = equal(x, y);
        no = notEqual(x, y);
      }
      default -> {
        yes = notEqual(x, y);
        no = equal(x, y);
      }
    }
    AccessPath pa = pathOf(lp);
    AccessPath pb = pathOf(rp);
    return new Branches(refine(state.copy(), pa, a, yes[0], pb, b, yes[1]),
        refine(state.copy(), pa, a, no[0], pb, b, no[1]));
  }

  private static Range[] swap(Range[] r) {
    return new Range[] {r[1], r[0]};
  }

  /** {@code x < y} (strict = 1) or {@code x <= y} (strict = 0): the ranges left for each. */
  private static Range[] less(Range x, Range y, int strict) {
    BigInteger s = BigInteger.valueOf(strict);
    return new Range[] {
        Range.orNull(x.lo(), x.hi().min(y.hi().subtract(s))),
        Range.orNull(y.lo().max(x.lo().add(s)), y.hi())};
  }

  private static Range[] equal(Range x, Range y) {
    Range both = x.intersect(y);
    return new Range[] {both, both};
  }

  private static Range[] notEqual(Range x, Range y) {
    return new Range[] {without(x, y), without(y, x)};
  }

  private static Range without(Range x, Range point) {
    if (!point.isPoint()) {
      return x;
    }
    BigInteger v = point.lo();
    if (x.isPoint() && x.lo().equals(v)) {
      return null;
    }
    if (x.lo().equals(v)) {
      return new Range(v.add(BigInteger.ONE), x.hi());
    }
    if (x.hi().equals(v)) {
      return new Range(x.lo(), v.subtract(BigInteger.ONE));
    }
    return x;
  }

  private static State refine(State s, AccessPath pa, Fact a, Range ra, AccessPath pb, Fact b, Range rb) {
    if (ra == null || rb == null) {
      return null;
    }
    if (pa != null) {
      Fact na = a.restrictJava(ra);
      if (na == null) {
        return null;
      }
      s.put(pa, na);
    }
    if (pb != null) {
      Fact nb = b.restrictJava(rb);
      if (nb == null) {
        return null;
      }
      s.put(pb, nb);
    }
    return s;
  }

  // ---------------------------------------------------------------- expressions

  /** The fact of an expression's value, in its own Java type; null when nothing is known. */
  Fact eval(TreePath p) {
    if (state == null) {
      return null;
    }
    Tree t = p.getLeaf();
    switch (t.getKind()) {
      case PARENTHESIZED:
        return eval(new TreePath(p, ((ParenthesizedTree) t).getExpression()));
      case INT_LITERAL, LONG_LITERAL, CHAR_LITERAL: {
        BigInteger v = integral(((LiteralTree) t).getValue());
        return v == null ? null : Fact.plain(Range.point(v), Text.of(() -> "constant " + Range.hex(v)));
      }
      case IDENTIFIER:
        return read(p, null);
      case MEMBER_SELECT:
        return memberSelect(p, (MemberSelectTree) t);
      case ARRAY_ACCESS: {
        ArrayAccessTree at = (ArrayAccessTree) t;
        TreePath array = new TreePath(p, at.getExpression());
        eval(array);
        eval(new TreePath(p, at.getIndex()));
        Element ae = cx.trees.getElement(strip(array));
        Width ew = decls.elementWidth(ae);
        if (ew != null) {
          return Fact.declared(ew, decls.elementKind(ae), "element of " + decls.describe(ae) + " (" + ew + ")");
        }
        JavaKind k = kind(p);
        return k == null ? null : plain(k, () -> "array element " + cx.text(t));
      }
      case METHOD_INVOCATION:
        return invoke(p, (MethodInvocationTree) t);
      case NEW_CLASS:
        newClass(p, (NewClassTree) t);
        return null;
      case NEW_ARRAY: {
        NewArrayTree na = (NewArrayTree) t;
        for (ExpressionTree d : na.getDimensions()) {
          eval(new TreePath(p, d));
        }
        if (na.getInitializers() != null) {
          for (ExpressionTree i : na.getInitializers()) {
            eval(new TreePath(p, i));
          }
        }
        return null;
      }
      case TYPE_CAST: {
        TreePath e = new TreePath(p, ((TypeCastTree) t).getExpression());
        Fact f = eval(e);
        JavaKind to = kind(p);
        return to == null ? null : Arith.convert(f, kind(e), to);
      }
      case INSTANCE_OF:
        eval(new TreePath(p, ((InstanceOfTree) t).getExpression()));
        return null;
      case POSTFIX_INCREMENT, PREFIX_INCREMENT, POSTFIX_DECREMENT, PREFIX_DECREMENT:
        return incDec(p, (UnaryTree) t);
      case UNARY_PLUS, UNARY_MINUS, BITWISE_COMPLEMENT: {
        TreePath e = new TreePath(p, ((UnaryTree) t).getExpression());
        JavaKind k = kind(p);
        Fact f = Arith.convert(eval(e), kind(e), k);
        if (k == null || f == null) {
          return null;
        }
        CharSequence o = expression(t);
        return switch (t.getKind()) {
          case UNARY_MINUS -> Arith.negate(f, k, o);
          case BITWISE_COMPLEMENT -> Arith.complement(f, k, o);
          default -> f;
        };
      }
      case LOGICAL_COMPLEMENT, CONDITIONAL_AND, CONDITIONAL_OR, LESS_THAN, LESS_THAN_EQUAL, GREATER_THAN,
          GREATER_THAN_EQUAL, EQUAL_TO, NOT_EQUAL_TO: {
        Branches c = cond(p);
        state = State.join(c.whenTrue, c.whenFalse);
        return null;
      }
      case PLUS, MINUS, MULTIPLY, DIVIDE, REMAINDER, AND, OR, XOR, LEFT_SHIFT, RIGHT_SHIFT,
          UNSIGNED_RIGHT_SHIFT:
        return binary(p, (BinaryTree) t);
      case CONDITIONAL_EXPRESSION:
        return conditional(p, (ConditionalExpressionTree) t);
      case ASSIGNMENT:
        return assign(p, (AssignmentTree) t);
      case PLUS_ASSIGNMENT, MINUS_ASSIGNMENT, MULTIPLY_ASSIGNMENT, DIVIDE_ASSIGNMENT, REMAINDER_ASSIGNMENT,
          AND_ASSIGNMENT, OR_ASSIGNMENT, XOR_ASSIGNMENT, LEFT_SHIFT_ASSIGNMENT, RIGHT_SHIFT_ASSIGNMENT,
          UNSIGNED_RIGHT_SHIFT_ASSIGNMENT:
        return compound(p, (CompoundAssignmentTree) t);
      case LAMBDA_EXPRESSION:
        lambda(p, (LambdaExpressionTree) t);
        return null;
      case MEMBER_REFERENCE:
        methodReference(p, (MemberReferenceTree) t);
        return null;
      case SWITCH_EXPRESSION:
        return switchExpression(p, (SwitchExpressionTree) t);
      default:
        return null;
    }
  }

  /** A read of a variable, field or record accessor; {@code receiverDone} when already evaluated. */
  private Fact read(TreePath p, Object unused) {
    Element e = cx.trees.getElement(p);
    JavaKind k = kind(p);
    if (!(e instanceof VariableElement ve) || k == null) {
      return null;
    }
    BigInteger c = integral(ve.getConstantValue());
    if (c != null) {
      return Fact.plain(Range.point(c), Text.of(() -> "constant " + ve.getSimpleName() + " = " + Range.hex(c)));
    }
    AccessPath ap = pathOf(p);
    if (ap != null && state.has(ap)) {
      Fact f = state.get(ap);
      return f != null || !cx.strict ? f : plain(k, () -> decls.describe(e));
    }
    Fact declared = decls.readFact(e);
    return declared != null ? declared : plain(k, () -> decls.describe(e));
  }

  private Fact memberSelect(TreePath p, MemberSelectTree t) {
    TreePath receiver = new TreePath(p, t.getExpression());
    Element re = cx.trees.getElement(receiver);
    boolean typeName = re != null && (re.getKind().isClass() || re.getKind().isInterface()
        || re.getKind() == ElementKind.PACKAGE);
    if (!typeName) {
      eval(receiver);
    }
    Element e = cx.trees.getElement(p);
    if (e != null && e.getKind() == ElementKind.FIELD) {
      return read(p, null);
    }
    JavaKind k = kind(p);
    if (k != null && t.getIdentifier().contentEquals("length")) {
      return cx.strict ? Fact.plain(Range.of(0, Integer.MAX_VALUE), "array length") : null;
    }
    return null;
  }

  /** The value of a plain Java expression: no fact in lenient mode, its Java type's range in strict. */
  private Fact plain(JavaKind k, java.util.function.Supplier<String> what) {
    return cx.strict && k != null ? Declarations.javaTypeFact(k, what.get()) : null;
  }

  private Fact invoke(TreePath p, MethodInvocationTree t) {
    TreePath select = new TreePath(p, t.getMethodSelect());
    if (t.getMethodSelect() instanceof MemberSelectTree ms) {
      TreePath receiver = new TreePath(select, ms.getExpression());
      Element re = cx.trees.getElement(receiver);
      if (re == null || !(re.getKind().isClass() || re.getKind().isInterface())) {
        eval(receiver);
      }
    }
    Element e = cx.trees.getElement(p);
    List<Fact> args = arguments(p, t.getArguments(), e instanceof ExecutableElement m ? m : null);
    JavaKind k = kind(p);
    if (!(e instanceof ExecutableElement m) || k == null || state == null) {
      return null;
    }
    if (KnownMethods.known(m)) {
      List<Fact> converted = new ArrayList<>();
      for (int i = 0; i < args.size() && i < m.getParameters().size(); i++) {
        converted.add(Arith.convert(args.get(i), kind(new TreePath(p, t.getArguments().get(i))),
            decls.kindOf(m.getParameters().get(i).asType())));
      }
      return KnownMethods.apply(m, converted, k);
    }
    Fact declared = decls.readFact(m);
    return declared != null ? declared : plain(k, () -> "result of " + m.getSimpleName() + "()");
  }

  /** Evaluates arguments in order and checks each against its parameter. */
  private List<Fact> arguments(TreePath call, List<? extends ExpressionTree> args, ExecutableElement m) {
    List<Fact> facts = new ArrayList<>();
    List<TreePath> paths = new ArrayList<>();
    for (ExpressionTree a : args) {
      TreePath ap = new TreePath(call, a);
      paths.add(ap);
      facts.add(eval(ap));
    }
    if (m == null || state == null) {
      return facts;
    }
    int n = m.getParameters().size();
    boolean varargsCall = m.isVarArgs() && (args.size() != n
        || !(cx.trees.getTypeMirror(paths.get(n - 1)) instanceof ArrayType));
    for (int i = 0; i < args.size(); i++) {
      int param = varargsCall ? Math.min(i, n - 1) : i;
      if (param >= n) {
        break;
      }
      boolean element = varargsCall && i >= n - 1;
      check(decls.parameterSink(m, param, element), facts.get(i), kind(paths.get(i)), paths.get(i));
    }
    return facts;
  }

  private void newClass(TreePath p, NewClassTree t) {
    if (t.getEnclosingExpression() != null) {
      eval(new TreePath(p, t.getEnclosingExpression()));
    }
    Element e = cx.trees.getElement(p);
    ExecutableElement ctor = e instanceof ExecutableElement m ? m : null;
    if (ctor != null && t.getClassBody() != null) {
      ctor = superConstructor(ctor);
    }
    arguments(p, t.getArguments(), ctor);
    if (t.getClassBody() != null && state != null) {
      analyseLocalClass(new TreePath(p, t.getClassBody()));
    }
  }

  /** An anonymous class's constructor passes its arguments on to the superclass constructor. */
  private ExecutableElement superConstructor(ExecutableElement anonymousCtor) {
    Element anon = anonymousCtor.getEnclosingElement();
    if (!(anon instanceof TypeElement te) || !(te.getSuperclass() instanceof DeclaredType sup)) {
      return anonymousCtor;
    }
    for (ExecutableElement c : ElementFilter.constructorsIn(sup.asElement().getEnclosedElements())) {
      if (c.getParameters().size() == anonymousCtor.getParameters().size()) {
        boolean same = true;
        for (int i = 0; i < c.getParameters().size() && same; i++) {
          same = cx.types.isSameType(cx.types.erasure(c.getParameters().get(i).asType()),
              cx.types.erasure(anonymousCtor.getParameters().get(i).asType()));
        }
        if (same) {
          return c;
        }
      }
    }
    return anonymousCtor;
  }

  private Fact binary(TreePath p, BinaryTree t) {
    TreePath lp = new TreePath(p, t.getLeftOperand());
    TreePath rp = new TreePath(p, t.getRightOperand());
    Fact a = eval(lp);
    Fact b = eval(rp);
    JavaKind k = kind(p);
    if (k == null || state == null) {
      return null;
    }
    return operate(t.getKind(), a, kind(lp), b, kind(rp), k, expression(t));
  }

  /** One operator on facts of the given Java types, with the result in {@code k}. */
  private static Fact operate(Tree.Kind op, Fact a, JavaKind ka, Fact b, JavaKind kb, JavaKind k, CharSequence o) {
    if (op == Tree.Kind.LEFT_SHIFT || op == Tree.Kind.RIGHT_SHIFT || op == Tree.Kind.UNSIGNED_RIGHT_SHIFT) {
      Fact x = Arith.convert(a, ka, k);
      Integer n = b != null && b.range().isPoint() ? b.range().lo().intValue() : null;
      String s = op == Tree.Kind.LEFT_SHIFT ? "<<" : op == Tree.Kind.RIGHT_SHIFT ? ">>" : ">>>";
      return Arith.shift(s, x, n, k, o);
    }
    Fact x = Arith.convert(a, ka, k);
    Fact y = Arith.convert(b, kb, k);
    return switch (op) {
      case PLUS -> Arith.additive('+', x, y, k, o);
      case MINUS -> Arith.additive('-', x, y, k, o);
      case MULTIPLY -> Arith.additive('*', x, y, k, o);
      case DIVIDE -> Arith.divide(x, y, k, o);
      case REMAINDER -> Arith.remainder(x, y, k, o);
      case AND -> Arith.and(x, y, k, o);
      case OR -> Arith.orXor(true, x, y, k, o);
      case XOR -> Arith.orXor(false, x, y, k, o);
      default -> null;
    };
  }

  private Fact conditional(TreePath p, ConditionalExpressionTree t) {
    Branches c = cond(new TreePath(p, t.getCondition()));
    JavaKind k = kind(p);
    state = c.whenTrue;
    TreePath tp = new TreePath(p, t.getTrueExpression());
    Fact ft = state == null ? null : Arith.convert(eval(tp), kind(tp), k);
    State afterTrue = state;
    state = c.whenFalse;
    TreePath fp = new TreePath(p, t.getFalseExpression());
    Fact ff = state == null ? null : Arith.convert(eval(fp), kind(fp), k);
    State afterFalse = state;
    state = State.join(afterTrue, afterFalse);
    if (afterTrue == null) {
      return ff;
    }
    if (afterFalse == null) {
      return ft;
    }
    return Fact.join(ft, ff);
  }

  private Fact assign(TreePath p, AssignmentTree t) {
    TreePath target = new TreePath(p, t.getVariable());
    TreePath value = new TreePath(p, t.getExpression());
    Tree tv = strip(target).getLeaf();
    if (tv instanceof ArrayAccessTree at) {
      TreePath array = new TreePath(strip(target), at.getExpression());
      eval(array);
      eval(new TreePath(strip(target), at.getIndex()));
      Fact f = eval(value);
      Element ae = cx.trees.getElement(strip(array));
      check(decls.arrayElementSink(ae), f, kind(value), value);
      return f;
    }
    if (tv instanceof MemberSelectTree ms) {
      TreePath receiver = new TreePath(strip(target), ms.getExpression());
      Element re = cx.trees.getElement(receiver);
      if (re == null || !(re.getKind().isClass() || re.getKind().isInterface())) {
        eval(receiver);
      }
    }
    Fact f = eval(value);
    if (state == null) {
      return null;
    }
    Element v = cx.trees.getElement(strip(target));
    check(decls.variableSink(v), f, kind(value), value);
    return store(target, v, Arith.convert(f, kind(value), kind(target)));
  }

  /** Writes a fact to a variable or field: paths through it are forgotten, its own is set. */
  private Fact store(TreePath target, Element v, Fact f) {
    if (v == null) {
      return f;
    }
    state.kill(v);
    Fact s = stored(v, f);
    AccessPath ap = pathOf(target);
    if (ap != null && kind(target) != null) {
      state.put(ap, s);
    }
    noteUpdate();
    return s;
  }

  private Fact compound(TreePath p, CompoundAssignmentTree t) {
    TreePath target = new TreePath(p, t.getVariable());
    TreePath value = new TreePath(p, t.getExpression());
    Fact old = eval(target);
    Fact rhs = eval(value);
    JavaKind kt = kind(target);
    if (state == null || kt == null) {
      return null;
    }
    Tree.Kind op = switch (t.getKind()) {
      case PLUS_ASSIGNMENT -> Tree.Kind.PLUS;
      case MINUS_ASSIGNMENT -> Tree.Kind.MINUS;
      case MULTIPLY_ASSIGNMENT -> Tree.Kind.MULTIPLY;
      case DIVIDE_ASSIGNMENT -> Tree.Kind.DIVIDE;
      case REMAINDER_ASSIGNMENT -> Tree.Kind.REMAINDER;
      case AND_ASSIGNMENT -> Tree.Kind.AND;
      case OR_ASSIGNMENT -> Tree.Kind.OR;
      case XOR_ASSIGNMENT -> Tree.Kind.XOR;
      case LEFT_SHIFT_ASSIGNMENT -> Tree.Kind.LEFT_SHIFT;
      case RIGHT_SHIFT_ASSIGNMENT -> Tree.Kind.RIGHT_SHIFT;
      default -> Tree.Kind.UNSIGNED_RIGHT_SHIFT;
    };
    Text text = Text.of(() -> cx.text(t.getVariable()) + " " + operator(op) + " " + cx.text(t.getExpression()));
    Fact result = update(op, old, kt, rhs, kind(value), Text.of(() -> "expression `" + text + "`"));
    return writeBack(p, target, result, text);
  }

  private Fact incDec(TreePath p, UnaryTree t) {
    TreePath target = new TreePath(p, t.getExpression());
    Fact old = eval(target);
    JavaKind kt = kind(target);
    if (state == null || kt == null) {
      return null;
    }
    boolean inc = t.getKind() == Tree.Kind.POSTFIX_INCREMENT || t.getKind() == Tree.Kind.PREFIX_INCREMENT;
    Fact one = Fact.plain(Range.point(BigInteger.ONE), "constant 0x1");
    Text text = Text.of(() -> cx.text(t.getExpression()) + (inc ? " + 1" : " - 1"));
    Fact result = update(inc ? Tree.Kind.PLUS : Tree.Kind.MINUS, old, kt, one, JavaKind.INT,
        Text.of(() -> "expression `" + text + "`"));
    Fact stored = writeBack(p, target, result, text);
    boolean postfix = t.getKind() == Tree.Kind.POSTFIX_INCREMENT || t.getKind() == Tree.Kind.POSTFIX_DECREMENT;
    return postfix ? old : stored;
  }

  /**
   * The value a compound assignment stores, before Java's implicit cast back to the target's
   * type (which, like an explicit cast, does not launder it). Raw unsigned bits stay unsigned
   * for {@code + - *}, which wrap alike either way.
   */
  private static Fact update(Tree.Kind op, Fact old, JavaKind kt, Fact rhs, JavaKind kr, CharSequence o) {
    boolean shift = op == Tree.Kind.LEFT_SHIFT || op == Tree.Kind.RIGHT_SHIFT || op == Tree.Kind.UNSIGNED_RIGHT_SHIFT;
    JavaKind promoted = kt == JavaKind.LONG || !shift && kr == JavaKind.LONG ? JavaKind.LONG : JavaKind.INT;
    if (old != null && rhs != null && old.raw() != null && old.raw().bits() == kt.bits()
        && (op == Tree.Kind.PLUS || op == Tree.Kind.MINUS || op == Tree.Kind.MULTIPLY)) {
      Range x = old.range();
      Range y = rhs.javaRange();
      Range r = op == Tree.Kind.PLUS ? x.add(y) : op == Tree.Kind.MINUS ? x.subtract(y) : x.multiply(y);
      return Fact.in(r, kt, o, null);
    }
    Fact v = operate(op, old, kt, rhs, kr, promoted, o);
    if (v != null && old != null && v.range().equals(old.range())) {
      v = v.withOrigin(old.origin());
    }
    return Arith.convert(v, promoted, kt);
  }

  private static String operator(Tree.Kind op) {
    return switch (op) {
      case PLUS -> "+";
      case MINUS -> "-";
      case MULTIPLY -> "*";
      case DIVIDE -> "/";
      case REMAINDER -> "%";
      case AND -> "&";
      case OR -> "|";
      case XOR -> "^";
      case LEFT_SHIFT -> "<<";
      case RIGHT_SHIFT -> ">>";
      default -> ">>>";
    };
  }

  private Fact writeBack(TreePath p, TreePath target, Fact result, CharSequence text) {
    Tree tv = strip(target).getLeaf();
    if (tv instanceof ArrayAccessTree at) {
      Element ae = cx.trees.getElement(strip(new TreePath(strip(target), at.getExpression())));
      check(decls.arrayElementSink(ae), result, kind(target), p, text);
      return result;
    }
    Element v = cx.trees.getElement(strip(target));
    check(decls.variableSink(v), result, kind(target), p, text);
    return store(target, v, result);
  }

  private Fact switchExpression(TreePath p, SwitchExpressionTree t) {
    TreePath selector = new TreePath(p, t.getExpression());
    Fact sel = eval(selector);
    if (state == null) {
      return null;
    }
    Target target = push(t, false);
    switchCases(p, t.getCases(), selector, sel, target, kind(p));
    targets.pop();
    state = target.breaks;
    return target.yielded;
  }

  private void lambda(TreePath p, LambdaExpressionTree t) {
    ExecutableElement fi = functionalMethod(cx.trees.getTypeMirror(p));
    State inner = state.copy();
    for (int i = 0; i < t.getParameters().size(); i++) {
      TreePath pp = new TreePath(p, t.getParameters().get(i));
      Element pe = cx.trees.getElement(pp);
      if (pe == null) {
        continue;
      }
      inner.kill(pe);
      Fact f = decls.readFact(pe);
      if (f == null && fi != null && i < fi.getParameters().size()) {
        Fact fiFact = decls.readFact(fi.getParameters().get(i));
        JavaKind k = decls.kindOf(pe.asType());
        f = fiFact == null ? null : Arith.convert(fiFact, decls.kindOf(fi.getParameters().get(i).asType()), k);
      }
      if (f != null) {
        inner.put(AccessPath.of(pe), f);
      }
    }
    Sink ret = fi == null ? null : decls.returnSink(fi);
    Interpreter in = new Interpreter(cx, inner, ret);
    TreePath body = new TreePath(p, t.getBody());
    if (t.getBodyKind() == LambdaExpressionTree.BodyKind.EXPRESSION) {
      Fact f = in.eval(body);
      in.check(ret, f, in.kind(body), body);
    } else {
      in.exec(body);
    }
  }

  private void methodReference(TreePath p, MemberReferenceTree t) {
    TreePath qualifier = new TreePath(p, t.getQualifierExpression());
    Element qe = cx.trees.getElement(qualifier);
    boolean typeQualifier = qe != null && (qe.getKind().isClass() || qe.getKind().isInterface());
    if (!typeQualifier) {
      eval(qualifier);
    }
    Element e = cx.trees.getElement(p);
    ExecutableElement fi = functionalMethod(cx.trees.getTypeMirror(p));
    if (!(e instanceof ExecutableElement m) || fi == null) {
      return;
    }
    int offset = typeQualifier && !m.getModifiers().contains(Modifier.STATIC)
        && m.getKind() == ElementKind.METHOD ? 1 : 0;
    for (int j = 0; j < m.getParameters().size(); j++) {
      int i = j + offset;
      if (i >= fi.getParameters().size()) {
        break;
      }
      VariableElement fp = fi.getParameters().get(i);
      JavaKind kf = decls.kindOf(fp.asType());
      Fact f = decls.readFact(fp);
      if (f == null && kf != null) {
        f = plain(kf, () -> "parameter " + decls.paramName(fi, i) + " of " + fi.getSimpleName());
      }
      Sink s = decls.parameterSink(m, j, false);
      if (s != null) {
        s = new Sink(s.width(), s.kind(), s.description() + " through method reference " + cx.text(t), s.noun());
      }
      check(s, f, kf, p);
    }
    Sink ret = decls.returnSink(fi);
    if (ret != null) {
      Fact f = decls.readFact(m);
      JavaKind km = decls.kindOf(m.getReturnType());
      if (f == null && km != null) {
        f = plain(km, () -> "result of " + m.getSimpleName() + "()");
      }
      check(ret, f, km, p);
    }
  }

  /** The single abstract method of a functional interface type, or null. */
  private ExecutableElement functionalMethod(TypeMirror t) {
    if (!(t instanceof DeclaredType dt) || !(dt.asElement() instanceof TypeElement te)) {
      return null;
    }
    for (Element member : cx.elements.getAllMembers(te)) {
      if (member instanceof ExecutableElement m && m.getKind() == ElementKind.METHOD
          && m.getModifiers().contains(Modifier.ABSTRACT) && !isObjectMethod(m)) {
        return m;
      }
    }
    return null;
  }

  private static boolean isObjectMethod(ExecutableElement m) {
    String n = m.getSimpleName().toString();
    int arity = m.getParameters().size();
    return n.equals("equals") && arity == 1 || n.equals("hashCode") && arity == 0
        || n.equals("toString") && arity == 0;
  }

  // ---------------------------------------------------------------- helpers

  /** Checks a value against a sink and records a finding when values can be lost. */
  void check(Sink sink, Fact f, JavaKind from, TreePath at) {
    if (sink != null && f != null && state != null) {
      check(sink, f, from, at, Text.of(() -> cx.text(stripCasts(at.getLeaf()))));
    }
  }

  /** Checks a value whose source text (for the suggested fix) is {@code text}. */
  private void check(Sink sink, Fact f, JavaKind from, TreePath at, CharSequence text) {
    if (sink == null || f == null || state == null) {
      return;
    }
    Fact arriving = Arith.convert(f, from, sink.kind());
    SinkChecker.Finding finding = SinkChecker.check(arriving, sink, text);
    if (finding != null) {
      cx.add(at, sink.description(), finding);
    }
  }

  /** The description of a computed value, built only if a message needs it. */
  private Text expression(Tree t) {
    return Text.of(() -> "expression `" + cx.text(t) + "`");
  }

  private static Tree stripCasts(Tree t) {
    while (true) {
      if (t instanceof ParenthesizedTree pt) {
        t = pt.getExpression();
      } else if (t instanceof TypeCastTree ct) {
        t = ct.getExpression();
      } else {
        return t;
      }
    }
  }

  private static TreePath strip(TreePath p) {
    while (p.getLeaf() instanceof ParenthesizedTree pt) {
      p = new TreePath(p, pt.getExpression());
    }
    return p;
  }

  JavaKind kind(TreePath p) {
    TypeMirror t = cx.trees.getTypeMirror(p);
    return t == null || t.getKind() == TypeKind.ERROR ? null : decls.kindOf(t);
  }

  /** The access path an expression reads, or null when it is not one the guard tracks. */
  private AccessPath pathOf(TreePath p) {
    p = strip(p);
    Tree t = p.getLeaf();
    if (t instanceof com.sun.source.tree.IdentifierTree id) {
      if (id.getName().contentEquals("this")) {
        return AccessPath.of(AccessPath.THIS);
      }
      Element e = cx.trees.getElement(p);
      if (e == null) {
        return null;
      }
      switch (e.getKind()) {
        case LOCAL_VARIABLE, PARAMETER, EXCEPTION_PARAMETER, RESOURCE_VARIABLE, BINDING_VARIABLE:
          return AccessPath.of(e);
        case FIELD:
          return e.getModifiers().contains(Modifier.STATIC)
              ? AccessPath.of(e) : AccessPath.of(AccessPath.THIS).then(e);
        default:
          return null;
      }
    }
    if (t instanceof MemberSelectTree ms) {
      Element e = cx.trees.getElement(p);
      if (e == null || e.getKind() != ElementKind.FIELD) {
        return null;
      }
      if (e.getModifiers().contains(Modifier.STATIC)) {
        return AccessPath.of(e);
      }
      AccessPath receiver = pathOf(new TreePath(p, ms.getExpression()));
      return receiver == null ? null : receiver.then(e);
    }
    return null;
  }
}
