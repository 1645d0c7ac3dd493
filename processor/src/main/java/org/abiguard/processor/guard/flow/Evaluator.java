package org.abiguard.processor.guard.flow;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.IntFunction;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
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
 * The expression half of the {@link Interpreter}: the fact of each expression's value, the
 * states after a condition, and the sink checks of arguments, assignments and captured values.
 */
abstract class Evaluator {
  final Context cx;
  final Declarations decls;
  State state;
  final Deque<State[]> tries = new ArrayDeque<>();

  Evaluator(Context cx, State initial) {
    this.cx = cx;
    this.decls = cx.decls;
    this.state = initial;
  }

  /**
   * The sink of each element of the array initializer about to be evaluated ({@code new int[]
   * {...}} or {@code {...}} stored into an {@code @AbiArray} field, or passed as a varargs
   * array); taken by the initializer.
   */
  private Sink elements;

  /** Holds the elements of {@code value} to {@code sink} when it is an array initializer. */
  void elementsOf(Sink sink, TreePath value) {
    elements = sink != null && strip(value).getLeaf() instanceof NewArrayTree ? sink : null;
  }

  /**
   * The {@code @AbiArray} field or component an array expression is: read directly, or through a
   * local that was assigned one (aliases are kept for the whole analysis, whatever the local
   * holds later, so a store through it is never missed).
   */
  Element arrayOf(TreePath arrayExpr) {
    Element e = cx.trees.getElement(strip(arrayExpr));
    if (e == null || decls.elementWidth(e) != null) {
      return e;
    }
    Element aliased = cx.arrayAliases.get(e);
    return aliased != null ? aliased : e;
  }

  /** Remembers that a local now refers to an {@code @AbiArray} array. */
  void noteAlias(Element local, TreePath value) {
    if (local != null && local.getKind() == ElementKind.LOCAL_VARIABLE) {
      Element array = arrayOf(value);
      if (array != null && array != local && decls.elementWidth(array) != null) {
        cx.arrayAliases.put(local, array);
      }
    }
  }

  /** A switch expression: runs its cases, the value is the join of what they yield. */
  abstract Fact switchExpression(TreePath p, SwitchExpressionTree t);

  /** The members of a local or anonymous class, with the facts it captures. */
  abstract void analyseLocalClass(TreePath classPath);

  /** The states after a condition, when it holds and when it does not; null is unreachable. */
  record Branches(State whenTrue, State whenFalse) {}

  /** The fact a variable holds after a write: the value's, within the declared width. */
  Fact stored(Element v, Fact f) {
    Fact declared = decls.readFact(v);
    if (declared == null) {
      return f;
    }
    return f != null && declared.range().contains(f.range()) ? f : declared;
  }

  /** Records the current state as one an exception inside a {@code try} may leave from. */
  void noteUpdate() {
    if (!tries.isEmpty() && state != null) {
      tries.peek()[0] = State.join(tries.peek()[0], state);
    }
  }

  Branches cond(TreePath p) {
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

  /**
   * {@code Integer.compareUnsigned(x, y) op 0} (or {@code Long.}) is {@code x op y} on the
   * unsigned values: the way to range-check raw bits ({@code u32} in an {@code int}).
   */
  private Branches compareUnsigned(TreePath callPath, MethodInvocationTree call, Tree.Kind op) {
    if (!(cx.trees.getElement(callPath) instanceof ExecutableElement m) || call.getArguments().size() != 2
        || !m.getSimpleName().contentEquals("compareUnsigned")
        || !(m.getEnclosingElement() instanceof javax.lang.model.element.TypeElement owner)) {
      return null;
    }
    String type = owner.getQualifiedName().toString();
    int bits = type.equals("java.lang.Integer") ? 32 : type.equals("java.lang.Long") ? 64 : 0;
    if (bits == 0) {
      return null;
    }
    TreePath xp = new TreePath(callPath, call.getArguments().get(0));
    TreePath yp = new TreePath(callPath, call.getArguments().get(1));
    Fact fx = eval(xp);
    Fact fy = eval(yp);
    Fact x = unsignedOperand(fx, bits);
    Fact y = unsignedOperand(fy, bits);
    if (state == null || x == null || y == null) {
      return null;
    }
    Range[][] r = Refinement.outcomes(op, x.range(), y.range());
    AccessPath px = pathOf(xp);
    AccessPath py = pathOf(yp);
    State yes = Refinement.apply(state.copy(), px, x, r[0][0], py, y, r[0][1]);
    State no = Refinement.apply(state.copy(), px, x, r[1][0], py, y, r[1][1]);
    for (State s : new State[] {yes, no}) {
      restoreRaw(s, px, fx);
      restoreRaw(s, py, fy);
    }
    return new Branches(yes, no);
  }

  /** Gives a refined path back the raw-bits representation its value had. */
  private static void restoreRaw(State s, AccessPath p, Fact original) {
    if (s != null && p != null && original.raw() != null && s.get(p) != null) {
      Fact refined = s.get(p);
      s.put(p, new Fact(refined.range(), original.raw(), refined.origin(), refined.signExtended(),
          refined.fromAbi() || original.fromAbi()));
    }
  }

  /**
   * A fact whose Java values (as {@link Fact#javaRange()} sees them) are its unsigned values,
   * so that {@link Refinement} can narrow it by unsigned bounds: raw bits as plain unsigned
   * values, a non-negative plain value as is; null for a value that may be negative.
   */
  private static Fact unsignedOperand(Fact f, int bits) {
    if (f == null) {
      return null;
    }
    if (f.raw() != null && f.raw().bits() == bits) {
      return new Fact(f.range(), null, f.origin(), f.signExtended(), f.fromAbi());
    }
    return f.range().nonNegative() ? f : null;
  }

  private Branches compare(TreePath p, BinaryTree t) {
    TreePath lp = new TreePath(p, t.getLeftOperand());
    TreePath rp = new TreePath(p, t.getRightOperand());
    Fact a = eval(lp);
    Fact b = eval(rp);
    if (state == null) {
      return new Branches(null, null);
    }
    if (b != null && b.range().isPoint() && b.range().lo().signum() == 0
        && strip(lp).getLeaf() instanceof MethodInvocationTree call) {
      Branches unsigned = compareUnsigned(strip(lp), call, t.getKind());
      if (unsigned != null) {
        return unsigned;
      }
    }
    if (a == null || b == null) {
      return new Branches(state, state.copy());
    }
    Range[][] r = Refinement.outcomes(t.getKind(), a.javaRange(), b.javaRange());
    AccessPath pa = pathOf(lp);
    AccessPath pb = pathOf(rp);
    State yes = Refinement.apply(state.copy(), pa, a, r[0][0], pb, b, r[0][1]);
    State no = Refinement.apply(state.copy(), pa, a, r[1][0], pb, b, r[1][1]);
    if (pa != null && pb != null) {
      relate(t.getKind(), yes, no, pa, pb);
    }
    return new Branches(yes, no);
  }

  /** Remembers which of two compared paths is at most the other, for {@code a - b} later. */
  private static void relate(Tree.Kind op, State yes, State no, AccessPath a, AccessPath b) {
    switch (op) {
      case LESS_THAN, LESS_THAN_EQUAL -> {
        atMost(yes, a, b);
        atMost(no, b, a);
      }
      case GREATER_THAN, GREATER_THAN_EQUAL -> {
        atMost(yes, b, a);
        atMost(no, a, b);
      }
      case EQUAL_TO -> {
        atMost(yes, a, b);
        atMost(yes, b, a);
      }
      default -> {
        atMost(no, a, b);
        atMost(no, b, a);
      }
    }
  }

  private static void atMost(State s, AccessPath a, AccessPath b) {
    if (s != null) {
      s.atMost(a, b);
    }
  }

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
        BigInteger v = Constants.integral(((LiteralTree) t).getValue());
        // a negative literal without a minus sign is written in hex, octal or binary: raw bits
        boolean raw = v != null && v.signum() < 0 && !cx.text(t).startsWith("-");
        return v == null ? null : raw ? Fact.rawLiteral(v, kind(p)) : Fact.plain(Range.point(v), Text.of(() -> "constant " + Range.hex(v)));
      }
      case IDENTIFIER:
        return read(p);
      case MEMBER_SELECT:
        return memberSelect(p, (MemberSelectTree) t);
      case ARRAY_ACCESS: {
        ArrayAccessTree at = (ArrayAccessTree) t;
        TreePath array = new TreePath(p, at.getExpression());
        eval(array);
        eval(new TreePath(p, at.getIndex()));
        Element ae = arrayOf(array);
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
        Sink elementSink = elements;
        elements = null;
        for (ExpressionTree d : na.getDimensions()) {
          eval(new TreePath(p, d));
        }
        if (na.getInitializers() != null) {
          for (ExpressionTree i : na.getInitializers()) {
            TreePath ip = new TreePath(p, i);
            Fact f = eval(ip);
            check(elementSink, f, kind(ip), ip);
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
      case INSTANCE_OF: {
        InstanceOfTree io = (InstanceOfTree) t;
        eval(new TreePath(p, io.getExpression()));
        if (io.getPattern() != null) {
          Patterns.bind(this, new TreePath(p, io.getPattern()));
        }
        return null;
      }
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

  /** A read of a local variable, parameter or field: its tracked fact, else its declared one. */
  private Fact read(TreePath p) {
    Element e = cx.trees.getElement(p);
    JavaKind k = kind(p);
    if (!(e instanceof VariableElement ve) || k == null) {
      return null;
    }
    BigInteger c = Constants.integral(ve.getConstantValue());
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

  /**
   * Evaluates the receiver of a field access, call or method reference for its effects,
   * unless it names a type or package; returns whether it was a value.
   */
  private boolean evalReceiver(TreePath receiver) {
    Element re = cx.trees.getElement(receiver);
    if (re != null && (re.getKind().isClass() || re.getKind().isInterface() || re.getKind() == ElementKind.PACKAGE)) {
      return false;
    }
    eval(receiver);
    return true;
  }

  private Fact memberSelect(TreePath p, MemberSelectTree t) {
    evalReceiver(new TreePath(p, t.getExpression()));
    Element e = cx.trees.getElement(p);
    if (e != null && e.getKind() == ElementKind.FIELD) {
      return read(p);
    }
    JavaKind k = kind(p);
    if (k != null && t.getIdentifier().contentEquals("length")) {
      return cx.strict ? Fact.plain(Range.of(0, Integer.MAX_VALUE), "array length") : null;
    }
    return null;
  }

  /** The value of a plain Java expression: no fact in lenient mode, its Java type's range in strict. */
  Fact plain(JavaKind k, java.util.function.Supplier<String> what) {
    return cx.strict && k != null ? Declarations.javaTypeFact(k, what.get()) : null;
  }

  private Fact invoke(TreePath p, MethodInvocationTree t) {
    TreePath select = new TreePath(p, t.getMethodSelect());
    Element e = cx.trees.getElement(p);
    boolean unboxing = e instanceof ExecutableElement um && Boxes.isUnboxing(um);
    Fact receiver = null;
    TreePath receiverPath = null;
    if (t.getMethodSelect() instanceof MemberSelectTree ms) {
      receiverPath = new TreePath(select, ms.getExpression());
      if (unboxing) {
        receiver = eval(receiverPath);
      } else {
        evalReceiver(receiverPath);
      }
    }
    List<Fact> args = arguments(p, t.getArguments(), e instanceof ExecutableElement m ? m : null);
    JavaKind k = kind(p);
    if (!(e instanceof ExecutableElement m) || k == null || state == null) {
      return null;
    }
    if (unboxing && receiverPath != null) {
      // x.intValue() is the value of x, as implicit unboxing is
      Fact f = Arith.convert(receiver, kind(receiverPath), k);
      return f != null ? f : plain(k, () -> "result of " + m.getSimpleName() + "()");
    }
    if (Boxes.isValueOf(m) && args.size() == 1) {
      // Integer.valueOf(x) is the value of x, as implicit boxing is
      Fact f = Arith.convert(args.get(0), kind(new TreePath(p, t.getArguments().get(0))), k);
      return f != null ? f : plain(k, () -> "result of " + m.getSimpleName() + "()");
    }
    if (KnownMethods.known(m)) {
      List<Fact> converted = new ArrayList<>();
      for (int i = 0; i < args.size() && i < m.getParameters().size(); i++) {
        converted.add(Arith.convert(args.get(i), kind(new TreePath(p, t.getArguments().get(i))),
            decls.kindOf(m.getParameters().get(i).asType())));
      }
      return KnownMethods.apply(m, converted, k);
    }
    AccessPath accessor = pathOf(p);
    if (accessor != null && state.has(accessor)) {
      // a record component read through its accessor, refined by a check on the same accessor
      Fact f = state.get(accessor);
      return f != null || !cx.strict ? f : plain(k, () -> "result of " + m.getSimpleName() + "()");
    }
    Fact declared = decls.readFact(m);
    return declared != null ? declared : plain(k, () -> "result of " + m.getSimpleName() + "()");
  }

  /** Evaluates arguments in order and checks each against its parameter. */
  private List<Fact> arguments(TreePath call, List<? extends ExpressionTree> args, ExecutableElement m) {
    List<Fact> facts = new ArrayList<>();
    List<TreePath> paths = new ArrayList<>();
    int n = m == null ? -1 : m.getParameters().size();
    for (ExpressionTree a : args) {
      TreePath ap = new TreePath(call, a);
      paths.add(ap);
      if (m != null && m.isVarArgs() && args.size() == n && paths.size() == n
          && cx.trees.getTypeMirror(ap) instanceof ArrayType) {
        // a varargs method called with an explicit array: its elements are the varargs values
        elementsOf(decls.parameterSink(m, n - 1, true), ap);
      }
      facts.add(eval(ap));
    }
    if (m == null || state == null) {
      return facts;
    }
    Spread spread = Spread.of(m, args.size(),
        i -> cx.trees.getTypeMirror(paths.get(i)));
    for (int i = 0; i < args.size(); i++) {
      if (spread.parameter(i) >= m.getParameters().size()) {
        break;
      }
      check(decls.parameterSink(m, spread.parameter(i), spread.element(i)), facts.get(i), kind(paths.get(i)),
          paths.get(i));
    }
    return facts;
  }

  /**
   * How the values passed to a method meet its parameters: one by one, or, for a varargs method
   * called with its trailing values spread out, those values as elements of the last parameter.
   */
  private record Spread(int parameters, boolean varargs) {
    /** For {@code count} values, the type of the {@code i}th given by {@code type}. */
    static Spread of(ExecutableElement m, int count, IntFunction<TypeMirror> type) {
      int n = m.getParameters().size();
      return new Spread(n, m.isVarArgs() && (count != n || !(type.apply(n - 1) instanceof ArrayType)));
    }

    /** The parameter the {@code i}th value is passed to. */
    int parameter(int i) {
      return varargs ? Math.min(i, parameters - 1) : i;
    }

    /** Whether the {@code i}th value is an element of the varargs array. */
    boolean element(int i) {
      return varargs && i >= parameters - 1;
    }
  }

  private void newClass(TreePath p, NewClassTree t) {
    if (t.getEnclosingExpression() != null) {
      eval(new TreePath(p, t.getEnclosingExpression()));
    }
    Element e = cx.trees.getElement(p);
    ExecutableElement ctor = e instanceof ExecutableElement m ? m : null;
    if (ctor != null && t.getClassBody() != null) {
      ctor = Lookup.superConstructor(cx.types, ctor);
    }
    arguments(p, t.getArguments(), ctor);
    if (t.getClassBody() != null && state != null) {
      analyseLocalClass(new TreePath(p, t.getClassBody()));
    }
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
    Fact r = Operators.operate(t.getKind(), a, kind(lp), b, kind(rp), k, expression(t));
    return t.getKind() == Tree.Kind.MINUS ? nonNegativeDifference(r, lp, a, rp, b, k) : r;
  }

  /**
   * {@code a - b} after a check proved {@code b <= a} is not negative, as long as neither
   * operand holds raw bits Java compares as negative and the difference cannot overflow.
   */
  private Fact nonNegativeDifference(Fact r, TreePath lp, Fact a, TreePath rp, Fact b, JavaKind k) {
    if (r == null || a == null || b == null || r.range().nonNegative()) {
      return r;
    }
    AccessPath pa = pathOf(lp);
    AccessPath pb = pathOf(rp);
    if (pa == null || pb == null || !state.isAtMost(pb, pa)
        || !a.javaRange().equals(a.range()) || !b.javaRange().equals(b.range())
        || !Range.of(k).contains(new Range(a.range().lo().subtract(b.range().hi()), a.range().hi().subtract(b.range().lo())))) {
      return r;
    }
    return r.range().hi().signum() < 0 ? r
        : new Fact(new Range(java.math.BigInteger.ZERO, r.range().hi()), r.raw(), r.origin(), r.signExtended(), r.fromAbi());
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
      Element ae = arrayOf(array);
      check(decls.arrayElementSink(ae), f, kind(value), value);
      return f;
    }
    if (tv instanceof MemberSelectTree ms) {
      evalReceiver(new TreePath(strip(target), ms.getExpression()));
    }
    Element v = cx.trees.getElement(strip(target));
    elementsOf(decls.arrayElementSink(v), value);
    Fact f = eval(value);
    if (state == null) {
      return null;
    }
    noteAlias(v, value);
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
    Tree.Kind op = Operators.binaryOf(t.getKind());
    Text text = Text.of(() -> cx.text(t.getVariable()) + " " + Operators.operator(op) + " " + cx.text(t.getExpression()));
    Fact result = Operators.update(op, old, kt, rhs, kind(value), Text.of(() -> "expression `" + text + "`"));
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
    Fact result = Operators.update(inc ? Tree.Kind.PLUS : Tree.Kind.MINUS, old, kt, one, JavaKind.INT,
        Text.of(() -> "expression `" + text + "`"));
    Fact stored = writeBack(p, target, result, text);
    boolean postfix = t.getKind() == Tree.Kind.POSTFIX_INCREMENT || t.getKind() == Tree.Kind.POSTFIX_DECREMENT;
    return postfix ? old : stored;
  }

  private Fact writeBack(TreePath p, TreePath target, Fact result, CharSequence text) {
    Tree tv = strip(target).getLeaf();
    if (tv instanceof ArrayAccessTree at) {
      Element ae = arrayOf(new TreePath(strip(target), at.getExpression()));
      check(decls.arrayElementSink(ae), result, kind(target), p, text);
      return result;
    }
    Element v = cx.trees.getElement(strip(target));
    check(decls.variableSink(v), result, kind(target), p, text);
    return store(target, v, result);
  }

  private void lambda(TreePath p, LambdaExpressionTree t) {
    ExecutableElement fi = Lookup.functionalMethod(cx.elements, cx.trees.getTypeMirror(p));
    State inner = state.capturedLocals();
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
    boolean typeQualifier = !evalReceiver(new TreePath(p, t.getQualifierExpression()));
    Element e = cx.trees.getElement(p);
    ExecutableElement fi = Lookup.functionalMethod(cx.elements, cx.trees.getTypeMirror(p));
    if (!(e instanceof ExecutableElement m) || fi == null) {
      return;
    }
    int offset = typeQualifier && !m.getModifiers().contains(Modifier.STATIC)
        && m.getKind() == ElementKind.METHOD ? 1 : 0;
    int passed = fi.getParameters().size() - offset;
    // a varargs method adapted to the functional interface takes its trailing parameters as the
    // elements of the varargs array
    Spread spread = Spread.of(m, passed, j -> fi.getParameters().get(j + offset).asType());
    for (int j = 0; j < (spread.varargs() ? passed : m.getParameters().size()); j++) {
      int i = j + offset;
      if (i >= fi.getParameters().size()) {
        break;
      }
      int param = spread.parameter(j);
      boolean element = spread.element(j);
      VariableElement fp = fi.getParameters().get(i);
      JavaKind kf = decls.kindOf(fp.asType());
      Fact f = decls.readFact(fp);
      if (f == null && kf != null) {
        f = plain(kf, () -> "parameter " + decls.paramName(fi, i) + " of " + fi.getSimpleName());
      }
      Sink s = decls.parameterSink(m, param, element);
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

  /** Checks a value against a sink and records a finding when values can be lost. */
  void check(Sink sink, Fact f, JavaKind from, TreePath at) {
    if (sink != null && f != null && state != null) {
      check(sink, f, from, at, Text.of(() -> cx.text(stripCasts(at.getLeaf()))));
    }
  }

  /** Checks a value whose source text (for the suggested fix) is {@code text}. */
  void check(Sink sink, Fact f, JavaKind from, TreePath at, CharSequence text) {
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

  /** The tree whose text a suggested check repeats: casts, parentheses and chained assignments stripped. */
  private static Tree stripCasts(Tree t) {
    while (true) {
      if (t instanceof ParenthesizedTree pt) {
        t = pt.getExpression();
      } else if (t instanceof TypeCastTree ct) {
        t = ct.getExpression();
      } else if (t instanceof AssignmentTree at) {
        t = at.getExpression();
      } else {
        return t;
      }
    }
  }

  static TreePath strip(TreePath p) {
    while (p.getLeaf() instanceof ParenthesizedTree pt) {
      p = new TreePath(p, pt.getExpression());
    }
    return p;
  }

  JavaKind kind(TreePath p) {
    TypeMirror t = cx.trees.getTypeMirror(p);
    return t == null || t.getKind() == TypeKind.ERROR ? null : decls.kindOf(t);
  }

  /**
   * The path of a record component read through its accessor ({@code xatp.space()}): a record's
   * components are final, so a check of {@code xatp.space()} holds for a later
   * {@code xatp.space()} as long as {@code xatp} is not reassigned.
   */
  private AccessPath accessorPath(TreePath p, MethodInvocationTree t) {
    if (!t.getArguments().isEmpty()
        || !(cx.trees.getElement(p) instanceof ExecutableElement m)
        || m.getEnclosingElement().getKind() != ElementKind.RECORD
        || m.getModifiers().contains(Modifier.STATIC)
        || cx.elements.recordComponentFor(m) == null) {
      return null;
    }
    AccessPath receiver = t.getMethodSelect() instanceof MemberSelectTree ms
        ? pathOf(new TreePath(new TreePath(p, ms), ms.getExpression()))
        : AccessPath.of(AccessPath.THIS);
    return receiver == null ? null : receiver.then(m);
  }

  /** The access path an expression reads, or null when it is not one the guard tracks. */
  AccessPath pathOf(TreePath p) {
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
    if (t instanceof MethodInvocationTree mi) {
      return accessorPath(p, mi);
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
