package org.abiguard.processor.guard.flow;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreePath;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Name;
import org.abiguard.processor.guard.facts.Arith;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.guard.facts.Range;
import org.abiguard.processor.guard.sinks.Sink;
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
public final class Interpreter extends Evaluator {
  private static final int WIDEN_AFTER = 2;
  private static final int MAX_ROUNDS = 6;

  private final Sink returnSink;
  private final Deque<Target> targets = new ArrayDeque<>();
  /** Per enclosing try with a finally block: the states its returns leave with. */
  private final Deque<State[]> returns = new ArrayDeque<>();
  private Name pendingLabel;

  public Interpreter(Context cx, State initial, Sink returnSink) {
    super(cx, initial);
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
        in.elementsOf(cx.decls.arrayElementSink(field), init);
        Fact f = in.eval(init);
        in.check(cx.decls.variableSink(field), f, in.kind(init), init);
      } else if (member instanceof BlockTree) {
        in.state = in.state == null ? new State() : in.state;
        in.exec(mp);
      }
    }
  }

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
        state = c.whenTrue();
        exec(new TreePath(p, it.getThenStatement()));
        State afterThen = state;
        state = c.whenFalse();
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
        if (!returns.isEmpty()) {
          returns.peek()[0] = State.join(returns.peek()[0], state);
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
        state = State.join(before, State.join(c.whenTrue(), c.whenFalse()));
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
    noteAlias(v, init);
    check(decls.variableSink(v), f, kind(init), init);
    JavaKind kv = decls.kindOf(v.asType());
    if (kv != null) {
      state.put(ap, stored(v, Arith.convert(f, kind(init), kv)));
      noteUpdate();
    }
  }

  private void whileLoop(TreePath p, WhileLoopTree t) {
    Target target = push(t, true);
    TreePath condition = new TreePath(p, t.getCondition());
    loop(target, () -> {
      Branches c = cond(condition);
      state = c.whenTrue();
      exec(new TreePath(p, t.getStatement()));
      State back = State.join(state, target.continues);
      state = c.whenFalse();
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
      state = c.whenFalse();
      return c.whenTrue();
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
      state = c.whenTrue();
      exec(new TreePath(p, t.getStatement()));
      state = State.join(state, target.continues);
      for (ExpressionStatementTree u : t.getUpdate()) {
        exec(new TreePath(p, u));
      }
      State back = state;
      state = c.whenFalse();
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
    Element array = arrayOf(expr);
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
      head = round + 1 >= WIDEN_AFTER ? Widening.widen(decls, cx.strict, head, next, round + 1 >= MAX_ROUNDS - 1) : next;
    }
    targets.pop();
    state = exit;
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
      pendingLabel = null;
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
      entry = patternEntry(cp, c, entry);
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
      BigInteger v = Constants.constant(cx.trees, new TreePath(cp, e));
      if (v == null) {
        return null;
      }
      r = r == null ? Range.point(v) : r.hull(Range.point(v));
    }
    return r;
  }

  /**
   * The state in which a case's body starts: the variables its record patterns bind hold their
   * components' widths, and its {@code when} guard (checked for sinks itself) holds.
   */
  private State patternEntry(TreePath cp, CaseTree c, State entry) {
    state = entry;
    for (Tree label : Patterns.labels(c)) {
      Patterns.bind(this, new TreePath(cp, label));
    }
    Tree guard = Patterns.guard(c);
    return guard == null ? state : cond(new TreePath(cp, guard)).whenTrue();
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
    TreePath finallyBlock = t.getFinallyBlock() == null ? null : new TreePath(p, t.getFinallyBlock());
    // break, continue, yield and return leave the try through its finally block: collect the
    // states they jump with apart from those of earlier jumps, to run the finally block on them
    List<Target> enclosing = finallyBlock == null ? List.of() : List.copyOf(targets);
    List<Target.Jumps> earlier = new ArrayList<>();
    for (Target target : enclosing) {
      earlier.add(target.replaceJumps(new Target.Jumps(null, null)));
    }
    if (finallyBlock != null) {
      returns.push(new State[1]);
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
    if (finallyBlock == null) {
      propagateThrown(escaping);
      state = normal;
      return;
    }
    // take the jumps and returns out of the try before the finally block runs: jumps inside the
    // finally block itself go straight to their targets
    State returned = returns.pop()[0];
    List<Target.Jumps> leaving = new ArrayList<>();
    for (int i = 0; i < enclosing.size(); i++) {
      leaving.add(enclosing.get(i).replaceJumps(earlier.get(i)));
    }
    // each way out runs the finally block from its own state: an exception (which goes on to an
    // enclosing try), each jump, a return, and the normal completion that continues after it
    propagateThrown(afterFinally(finallyBlock, escaping));
    for (int i = 0; i < enclosing.size(); i++) {
      Target target = enclosing.get(i);
      target.breaks = State.join(target.breaks, afterFinally(finallyBlock, leaving.get(i).breaks()));
      target.continues = State.join(target.continues, afterFinally(finallyBlock, leaving.get(i).continues()));
    }
    State returning = afterFinally(finallyBlock, returned);
    if (returning != null && !returns.isEmpty()) {
      returns.peek()[0] = State.join(returns.peek()[0], returning);
    }
    state = afterFinally(finallyBlock, normal);
  }

  /** The state after the finally block run from {@code from}; null when {@code from} is. */
  private State afterFinally(TreePath finallyBlock, State from) {
    if (from == null) {
      return null;
    }
    state = from.copy();
    exec(finallyBlock);
    return state;
  }

  /** Hands the state an exception may leave a try with to the enclosing try, if any. */
  private void propagateThrown(State escaping) {
    if (!tries.isEmpty()) {
      tries.peek()[0] = State.join(tries.peek()[0], escaping);
    }
  }

  @Override
  void analyseLocalClass(TreePath classPath) {
    ClassTree ct = (ClassTree) classPath.getLeaf();
    State captured = state == null ? new State() : state.capturedLocals();
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

  @Override
  Fact switchExpression(TreePath p, SwitchExpressionTree t) {
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

}
