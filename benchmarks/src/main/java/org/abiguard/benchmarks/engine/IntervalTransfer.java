package org.abiguard.benchmarks.engine;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import org.checkerframework.shaded.dataflow.analysis.ConditionalTransferResult;
import org.checkerframework.shaded.dataflow.analysis.ForwardTransferFunction;
import org.checkerframework.shaded.dataflow.analysis.RegularTransferResult;
import org.checkerframework.shaded.dataflow.analysis.TransferInput;
import org.checkerframework.shaded.dataflow.analysis.TransferResult;
import org.checkerframework.shaded.dataflow.cfg.UnderlyingAST;
import org.checkerframework.shaded.dataflow.cfg.node.AbstractNodeVisitor;
import org.checkerframework.shaded.dataflow.cfg.node.AssignmentNode;
import org.checkerframework.shaded.dataflow.cfg.node.BinaryOperationNode;
import org.checkerframework.shaded.dataflow.cfg.node.BitwiseAndNode;
import org.checkerframework.shaded.dataflow.cfg.node.CharacterLiteralNode;
import org.checkerframework.shaded.dataflow.cfg.node.ConditionalNotNode;
import org.checkerframework.shaded.dataflow.cfg.node.EqualToNode;
import org.checkerframework.shaded.dataflow.cfg.node.FieldAccessNode;
import org.checkerframework.shaded.dataflow.cfg.node.GreaterThanNode;
import org.checkerframework.shaded.dataflow.cfg.node.GreaterThanOrEqualNode;
import org.checkerframework.shaded.dataflow.cfg.node.IntegerLiteralNode;
import org.checkerframework.shaded.dataflow.cfg.node.IntegerRemainderNode;
import org.checkerframework.shaded.dataflow.cfg.node.CaseNode;
import org.checkerframework.shaded.dataflow.cfg.node.LeftShiftNode;
import org.checkerframework.shaded.dataflow.cfg.node.LessThanNode;
import org.checkerframework.shaded.dataflow.cfg.node.LessThanOrEqualNode;
import org.checkerframework.shaded.dataflow.cfg.node.LocalVariableNode;
import org.checkerframework.shaded.dataflow.cfg.node.LongLiteralNode;
import org.checkerframework.shaded.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.shaded.dataflow.cfg.node.NarrowingConversionNode;
import org.checkerframework.shaded.dataflow.cfg.node.Node;
import org.checkerframework.shaded.dataflow.cfg.node.NotEqualNode;
import org.checkerframework.shaded.dataflow.cfg.node.NumericalAdditionNode;
import org.checkerframework.shaded.dataflow.cfg.node.NumericalMinusNode;
import org.checkerframework.shaded.dataflow.cfg.node.NumericalMultiplicationNode;
import org.checkerframework.shaded.dataflow.cfg.node.NumericalSubtractionNode;
import org.checkerframework.shaded.dataflow.cfg.node.ObjectCreationNode;
import org.checkerframework.shaded.dataflow.cfg.node.ShortLiteralNode;
import org.checkerframework.shaded.dataflow.cfg.node.SignedRightShiftNode;
import org.checkerframework.shaded.dataflow.cfg.node.SwitchExpressionNode;
import org.checkerframework.shaded.dataflow.cfg.node.TernaryExpressionNode;
import org.checkerframework.shaded.dataflow.cfg.node.ThisNode;
import org.checkerframework.shaded.dataflow.cfg.node.TypeCastNode;
import org.checkerframework.shaded.dataflow.cfg.node.UnsignedRightShiftNode;
import org.checkerframework.shaded.dataflow.cfg.node.WideningConversionNode;
import org.checkerframework.shaded.javacutil.TreeUtils;

/**
 * The prototype's transfer functions over {@link Interval}s, one per kind of CFG node it
 * knows; every other node gives no fact and leaves the store as it is. Comparisons against a
 * constant refine the compared local or field path into a then-store and an else-store. Calls
 * and constructor calls check each argument against a width-annotated parameter and record a
 * {@link SinkFinding} when the argument's interval can exceed the parameter's range.
 */
final class IntervalTransfer extends AbstractNodeVisitor<TransferResult<Interval, IntervalStore>, TransferInput<Interval, IntervalStore>>
    implements ForwardTransferFunction<Interval, IntervalStore> {
  private enum Op { LT, LE, GT, GE, EQ, NE }

  private final Widths widths;
  private final SourcePositions positions;
  private final Findings findings;
  private CompilationUnitTree unit;
  private IntervalStore initial;

  IntervalTransfer(Widths widths, SourcePositions positions, Findings findings) {
    this.widths = widths;
    this.positions = positions;
    this.findings = findings;
  }

  /** The compilation unit whose methods are analysed next (for the findings' positions). */
  void setUnit(CompilationUnitTree unit) {
    this.unit = unit;
  }

  /**
   * The entry store of the next analysis: empty for a method; for a lambda, what the enclosing
   * code knew about locals where the lambda is created (captured locals are effectively final).
   */
  void setInitialStore(IntervalStore store) {
    this.initial = store;
  }

  @Override
  public IntervalStore initialStore(UnderlyingAST ast, List<LocalVariableNode> parameters) {
    return initial == null ? new IntervalStore() : initial.copy();
  }

  /** A node that changes no store: then- and else-stores (after {@code &&}, {@code ||}) pass through. */
  private static TransferResult<Interval, IntervalStore> regular(TransferInput<Interval, IntervalStore> in, Interval v) {
    if (in.containsTwoStores()) {
      return new ConditionalTransferResult<>(v, in.getThenStore(), in.getElseStore());
    }
    return new RegularTransferResult<>(v, in.getRegularStore());
  }

  private static Interval value(TransferInput<Interval, IntervalStore> in, Node n) {
    return in.getValueOfSubNode(n);
  }

  private static TypeKind kind(Node n) {
    return n.getType() == null ? TypeKind.NONE : Widths.primitive(n.getType());
  }

  @Override
  public TransferResult<Interval, IntervalStore> visitNode(Node n, TransferInput<Interval, IntervalStore> in) {
    return regular(in, null);
  }

  @Override
  public TransferResult<Interval, IntervalStore> visitIntegerLiteral(IntegerLiteralNode n, TransferInput<Interval, IntervalStore> in) {
    return regular(in, Interval.of(n.getValue()));
  }

  @Override
  public TransferResult<Interval, IntervalStore> visitLongLiteral(LongLiteralNode n, TransferInput<Interval, IntervalStore> in) {
    return regular(in, Interval.of(n.getValue()));
  }

  @Override
  public TransferResult<Interval, IntervalStore> visitShortLiteral(ShortLiteralNode n, TransferInput<Interval, IntervalStore> in) {
    return regular(in, Interval.of(n.getValue()));
  }

  @Override
  public TransferResult<Interval, IntervalStore> visitCharacterLiteral(CharacterLiteralNode n, TransferInput<Interval, IntervalStore> in) {
    return regular(in, Interval.of(n.getValue()));
  }

  @Override
  public TransferResult<Interval, IntervalStore> visitLocalVariable(LocalVariableNode n, TransferInput<Interval, IntervalStore> in) {
    Interval v = in.getRegularStore().get(n.getElement());
    return regular(in, v != null ? v : widths.read(n.getElement()));
  }

  @Override
  public TransferResult<Interval, IntervalStore> visitFieldAccess(FieldAccessNode n, TransferInput<Interval, IntervalStore> in) {
    Object key = fieldPath(n);
    Interval v = key == null ? null : in.getRegularStore().get(key);
    if (v == null) {
      v = Widths.constant(n.getElement());
    }
    return regular(in, v != null ? v : widths.read(n.getElement()));
  }

  /** The store key of a local or of a field read through a local, {@code this} or a class; else null. */
  private static Object keyOf(Node n) {
    if (n instanceof LocalVariableNode l) {
      return l.getElement();
    }
    return n instanceof FieldAccessNode f ? fieldPath(f) : null;
  }

  private static Object fieldPath(FieldAccessNode n) {
    Element field = n.getElement();
    if (field == null || field.getKind() != ElementKind.FIELD) {
      return null;
    }
    if (n.isStatic()) {
      return new IntervalStore.FieldPath(null, field);
    }
    Node receiver = n.getReceiver();
    if (receiver instanceof LocalVariableNode l) {
      return new IntervalStore.FieldPath(l.getElement(), field);
    }
    return receiver instanceof ThisNode ? new IntervalStore.FieldPath("this", field) : null;
  }

  @Override
  public TransferResult<Interval, IntervalStore> visitAssignment(AssignmentNode n, TransferInput<Interval, IntervalStore> in) {
    Interval v = value(in, n.getExpression());
    IntervalStore store = in.getRegularStore();
    Node target = n.getTarget();
    if (target instanceof FieldAccessNode f) {
      store.forgetField(f.getElement());
    }
    Object key = keyOf(target);
    if (key != null) {
      store.put(key, v);
    }
    return new RegularTransferResult<>(v, store);
  }

  @Override
  public TransferResult<Interval, IntervalStore> visitBitwiseAnd(BitwiseAndNode n, TransferInput<Interval, IntervalStore> in) {
    return regular(in, Arithmetic.and(value(in, n.getLeftOperand()), value(in, n.getRightOperand())));
  }

  @Override
  public TransferResult<Interval, IntervalStore> visitUnsignedRightShift(UnsignedRightShiftNode n, TransferInput<Interval, IntervalStore> in) {
    return regular(in, Arithmetic.unsignedShift(value(in, n.getLeftOperand()), value(in, n.getRightOperand()), kind(n)));
  }

  @Override
  public TransferResult<Interval, IntervalStore> visitLeftShift(LeftShiftNode n, TransferInput<Interval, IntervalStore> in) {
    return regular(in, Arithmetic.leftShift(value(in, n.getLeftOperand()), value(in, n.getRightOperand()), kind(n)));
  }

  @Override
  public TransferResult<Interval, IntervalStore> visitSignedRightShift(SignedRightShiftNode n, TransferInput<Interval, IntervalStore> in) {
    return regular(in, Arithmetic.signedShift(value(in, n.getLeftOperand()), value(in, n.getRightOperand()), kind(n)));
  }

  @Override
  public TransferResult<Interval, IntervalStore> visitNumericalAddition(NumericalAdditionNode n, TransferInput<Interval, IntervalStore> in) {
    return regular(in, Arithmetic.add(value(in, n.getLeftOperand()), value(in, n.getRightOperand()), kind(n)));
  }

  @Override
  public TransferResult<Interval, IntervalStore> visitNumericalSubtraction(NumericalSubtractionNode n, TransferInput<Interval, IntervalStore> in) {
    return regular(in, Arithmetic.subtract(value(in, n.getLeftOperand()), value(in, n.getRightOperand()), kind(n)));
  }

  @Override
  public TransferResult<Interval, IntervalStore> visitNumericalMultiplication(NumericalMultiplicationNode n, TransferInput<Interval, IntervalStore> in) {
    return regular(in, Arithmetic.multiply(value(in, n.getLeftOperand()), value(in, n.getRightOperand()), kind(n)));
  }

  @Override
  public TransferResult<Interval, IntervalStore> visitNumericalMinus(NumericalMinusNode n, TransferInput<Interval, IntervalStore> in) {
    return regular(in, Arithmetic.subtract(Interval.of(0), value(in, n.getOperand()), kind(n)));
  }

  @Override
  public TransferResult<Interval, IntervalStore> visitIntegerRemainder(IntegerRemainderNode n, TransferInput<Interval, IntervalStore> in) {
    return regular(in, Arithmetic.remainder(value(in, n.getLeftOperand()), value(in, n.getRightOperand())));
  }

  @Override
  public TransferResult<Interval, IntervalStore> visitTypeCast(TypeCastNode n, TransferInput<Interval, IntervalStore> in) {
    return regular(in, Arithmetic.convert(value(in, n.getOperand()), kind(n)));
  }

  @Override
  public TransferResult<Interval, IntervalStore> visitNarrowingConversion(NarrowingConversionNode n, TransferInput<Interval, IntervalStore> in) {
    return regular(in, Arithmetic.convert(value(in, n.getOperand()), kind(n)));
  }

  @Override
  public TransferResult<Interval, IntervalStore> visitWideningConversion(WideningConversionNode n, TransferInput<Interval, IntervalStore> in) {
    return regular(in, value(in, n.getOperand()));
  }

  @Override
  public TransferResult<Interval, IntervalStore> visitTernaryExpression(TernaryExpressionNode n, TransferInput<Interval, IntervalStore> in) {
    Interval a = value(in, n.getThenOperand());
    Interval b = value(in, n.getElseOperand());
    return regular(in, a == null || b == null ? null : a.leastUpperBound(b));
  }

  @Override
  public TransferResult<Interval, IntervalStore> visitSwitchExpressionNode(SwitchExpressionNode n, TransferInput<Interval, IntervalStore> in) {
    return regular(in, in.getRegularStore().get(n.getSwitchExpressionVar().getElement()));
  }

  @Override
  public TransferResult<Interval, IntervalStore> visitConditionalNot(ConditionalNotNode n, TransferInput<Interval, IntervalStore> in) {
    if (in.containsTwoStores()) {
      return new ConditionalTransferResult<>(null, in.getElseStore(), in.getThenStore());
    }
    return regular(in, null);
  }

  @Override
  public TransferResult<Interval, IntervalStore> visitMethodInvocation(MethodInvocationNode n, TransferInput<Interval, IntervalStore> in) {
    ExecutableElement m = n.getTarget().getMethod();
    if (m == null) {
      return regular(in, null);
    }
    List<Interval> args = new ArrayList<>(n.getArguments().size());
    for (Node a : n.getArguments()) {
      args.add(value(in, a));
    }
    checkArguments(m, n.getArguments(), args);
    Interval known = KnownCalls.result(m, args);
    return regular(in, known != null ? known : widths.read(m));
  }

  @Override
  public TransferResult<Interval, IntervalStore> visitObjectCreation(ObjectCreationNode n, TransferInput<Interval, IntervalStore> in) {
    ExecutableElement c = TreeUtils.elementFromUse(n.getTree());
    if (c != null) {
      List<Interval> args = new ArrayList<>(n.getArguments().size());
      for (Node a : n.getArguments()) {
        args.add(value(in, a));
      }
      checkArguments(c, n.getArguments(), args);
    }
    return regular(in, null);
  }

  /** The sink check: each argument against its parameter's declared range (varargs are not checked). */
  private void checkArguments(ExecutableElement m, List<Node> arguments, List<Interval> values) {
    List<? extends VariableElement> params = m.getParameters();
    for (int i = 0; i < arguments.size() && i < params.size(); i++) {
      Interval accepted = widths.sink(params.get(i));
      Interval v = values.get(i);
      if (accepted != null && v != null && !v.within(accepted)) {
        Tree arg = arguments.get(i).getTree();
        long start = Positions.of(positions, unit, arg);
        findings.add(arg, new SinkFinding(unit.getSourceFile().getName(), unit.getLineMap().getLineNumber(start),
            unit.getLineMap().getColumnNumber(start), m.getSimpleName().toString(), i, v, accepted));
      }
    }
  }

  @Override
  public TransferResult<Interval, IntervalStore> visitLessThan(LessThanNode n, TransferInput<Interval, IntervalStore> in) {
    return compare(n, in, Op.LT);
  }

  @Override
  public TransferResult<Interval, IntervalStore> visitLessThanOrEqual(LessThanOrEqualNode n, TransferInput<Interval, IntervalStore> in) {
    return compare(n, in, Op.LE);
  }

  @Override
  public TransferResult<Interval, IntervalStore> visitGreaterThan(GreaterThanNode n, TransferInput<Interval, IntervalStore> in) {
    return compare(n, in, Op.GT);
  }

  @Override
  public TransferResult<Interval, IntervalStore> visitGreaterThanOrEqual(GreaterThanOrEqualNode n, TransferInput<Interval, IntervalStore> in) {
    return compare(n, in, Op.GE);
  }

  @Override
  public TransferResult<Interval, IntervalStore> visitEqualTo(EqualToNode n, TransferInput<Interval, IntervalStore> in) {
    return compare(n, in, Op.EQ);
  }

  @Override
  public TransferResult<Interval, IntervalStore> visitNotEqual(NotEqualNode n, TransferInput<Interval, IntervalStore> in) {
    return compare(n, in, Op.NE);
  }

  /**
   * A {@code case} of constants: in its then-store the selector (a local or field path) lies
   * within the constants' hull. The else-store (the next case, {@code default}) is unchanged.
   */
  @Override
  public TransferResult<Interval, IntervalStore> visitCase(CaseNode n, TransferInput<Interval, IntervalStore> in) {
    IntervalStore store = in.getRegularStore();
    if (n.getCaseOperands().isEmpty() || n.getSwitchOperand() == null) {
      return new RegularTransferResult<>(null, store);
    }
    Interval hull = null;
    for (Node c : n.getCaseOperands()) {
      Interval v = c instanceof IntegerLiteralNode i ? Interval.of(i.getValue())
          : c instanceof CharacterLiteralNode ch ? Interval.of(ch.getValue())
          : c instanceof FieldAccessNode f ? Widths.constant(f.getElement()) : null;
      if (v == null) {
        return new RegularTransferResult<>(null, store);
      }
      hull = hull == null ? v : hull.leastUpperBound(v);
    }
    IntervalStore thenStore = store.copy();
    for (Node x : List.of(n.getSwitchOperand().getTarget(), strip(n.getSwitchOperand().getExpression()))) {
      Object key = keyOf(x);
      Interval current = key == null ? null : current(store, x, key);
      Interval refined = current == null ? null : current.meet(hull);
      if (refined != null) {
        thenStore.put(key, refined);
      }
    }
    return new ConditionalTransferResult<>(null, thenStore, store);
  }

  /** What the store or the declaration says about a local or field path now. */
  private Interval current(IntervalStore store, Node x, Object key) {
    Interval v = store.get(key);
    if (v != null) {
      return v;
    }
    if (x instanceof LocalVariableNode l) {
      return widths.read(l.getElement());
    }
    if (x instanceof FieldAccessNode f) {
      Interval c = Widths.constant(f.getElement());
      return c != null ? c : widths.read(f.getElement());
    }
    return null;
  }

  /** {@code x OP c} or {@code c OP x}: refines x's interval in the then- and else-stores. */
  private TransferResult<Interval, IntervalStore> compare(BinaryOperationNode n, TransferInput<Interval, IntervalStore> in, Op op) {
    IntervalStore store = in.getRegularStore();
    IntervalStore thenStore = store.copy();
    IntervalStore elseStore = store.copy();
    Interval left = value(in, n.getLeftOperand());
    Interval right = value(in, n.getRightOperand());
    if (right != null && right.isConstant()) {
      refine(thenStore, elseStore, strip(n.getLeftOperand()), left, op, right.lo());
    } else if (left != null && left.isConstant()) {
      refine(thenStore, elseStore, strip(n.getRightOperand()), right, mirror(op), left.lo());
    }
    return new ConditionalTransferResult<>(null, thenStore, elseStore);
  }

  private static Node strip(Node n) {
    while (n instanceof WideningConversionNode w) {
      n = w.getOperand();
    }
    return n;
  }

  private static Op mirror(Op op) {
    return switch (op) {
      case LT -> Op.GT;
      case LE -> Op.GE;
      case GT -> Op.LT;
      case GE -> Op.LE;
      default -> op;
    };
  }

  private static void refine(IntervalStore thenStore, IntervalStore elseStore, Node x, Interval v, Op op, long c) {
    Object key = keyOf(x);
    if (key == null || v == null) {
      return;
    }
    long below = c == Long.MIN_VALUE ? c : c - 1;
    long above = c == Long.MAX_VALUE ? c : c + 1;
    Interval atMost = new Interval(Long.MIN_VALUE, c);
    Interval lessThan = new Interval(Long.MIN_VALUE, below);
    Interval atLeast = new Interval(c, Long.MAX_VALUE);
    Interval greaterThan = new Interval(above, Long.MAX_VALUE);
    switch (op) {
      case LT -> narrow(thenStore, elseStore, key, v, lessThan, atLeast);
      case LE -> narrow(thenStore, elseStore, key, v, atMost, greaterThan);
      case GT -> narrow(thenStore, elseStore, key, v, greaterThan, atMost);
      case GE -> narrow(thenStore, elseStore, key, v, atLeast, lessThan);
      case EQ -> narrow(thenStore, elseStore, key, v, Interval.of(c), without(v, c));
      case NE -> narrow(thenStore, elseStore, key, v, without(v, c), Interval.of(c));
    }
  }

  /** v without c, where that is still an interval (c at one end), else v. */
  private static Interval without(Interval v, long c) {
    if (v.lo() == c && v.hi() > c) {
      return new Interval(c + 1, v.hi());
    }
    if (v.hi() == c && v.lo() < c) {
      return new Interval(v.lo(), c - 1);
    }
    return v;
  }

  private static void narrow(IntervalStore thenStore, IntervalStore elseStore, Object key, Interval v, Interval thenRange, Interval elseRange) {
    Interval t = v.meet(thenRange);
    Interval e = v.meet(elseRange);
    thenStore.put(key, t != null ? t : v);
    elseStore.put(key, e != null ? e : v);
  }
}
