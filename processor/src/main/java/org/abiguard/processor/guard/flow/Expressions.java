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
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import org.abiguard.processor.guard.facts.Arith;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.guard.facts.Floating;
import org.abiguard.processor.guard.facts.Floats;
import org.abiguard.processor.guard.facts.Range;
import org.abiguard.processor.guard.facts.Text;
import org.abiguard.processor.guard.sinks.Sink;
import org.abiguard.processor.model.JavaKind;
import org.jspecify.annotations.Nullable;

/**
 * Expressions: the fact of each expression's value, in its own Java type (null when nothing is
 * known). Reads, literals, casts and operators are computed here; calls, assignments, switch
 * expressions and lambdas are handed to the part that does them.
 */
final class Expressions {
  private final Parts parts;

  Expressions(Parts parts) {
    this.parts = parts;
  }

  /** The fact of an expression's value, in its own Java type; null when nothing is known. */
  @Nullable Fact evaluate(TreePath path) {
    if (!parts.frame.reachable()) {
      return null;
    }
    Tree tree = path.getLeaf();
    switch (tree.getKind()) {
      case PARENTHESIZED:
        return evaluate(new TreePath(path, ((ParenthesizedTree) tree).getExpression()));
      case INT_LITERAL, LONG_LITERAL, CHAR_LITERAL:
        {
          BigInteger value = Constants.integral(((LiteralTree) tree).getValue());
          if (value == null) {
            return null;
          }
          // a negative literal without a minus sign is written in hex, octal or binary: raw bits
          if (value.signum() < 0 && !parts.context.text(tree).startsWith("-")) {
            return Fact.rawLiteral(
                value,
                Objects.requireNonNull(
                    parts.values.kind(path), "an integral literal has a Java type"));
          }
          return Fact.plain(Range.point(value), Text.of(() -> "constant " + Range.hex(value)));
        }
      case FLOAT_LITERAL, DOUBLE_LITERAL:
        {
          Floating type = parts.values.floating(path);
          Object value = ((LiteralTree) tree).getValue();
          return type == null || !(value instanceof Number number)
              ? null
              : Floats.constant(number.doubleValue(), type, "constant " + parts.context.text(tree));
        }
      case IDENTIFIER:
        return read(path);
      case MEMBER_SELECT:
        return memberSelect(path, (MemberSelectTree) tree);
      case ARRAY_ACCESS:
        return arrayElement(path, (ArrayAccessTree) tree);
      case METHOD_INVOCATION:
        {
          Fact result = parts.calls.invoke(path, (MethodInvocationTree) tree);
          forgetWrites(path);
          return result;
        }
      case NEW_CLASS:
        parts.calls.newClass(path, (NewClassTree) tree);
        forgetWrites(path);
        return null;
      case NEW_ARRAY:
        newArray(path, (NewArrayTree) tree);
        return null;
      case TYPE_CAST:
        {
          TreePath operand = new TreePath(path, ((TypeCastTree) tree).getExpression());
          return cast(path, operand, evaluate(operand));
        }
      case INSTANCE_OF:
        {
          InstanceOfTree instanceOf = (InstanceOfTree) tree;
          TreePath tested = new TreePath(path, instanceOf.getExpression());
          Fact value = evaluate(tested);
          if (instanceOf.getPattern() != null) {
            Patterns.bind(
                parts,
                new TreePath(path, instanceOf.getPattern()),
                tested,
                value,
                parts.values.kind(tested));
          }
          return null;
        }
      case POSTFIX_INCREMENT, PREFIX_INCREMENT, POSTFIX_DECREMENT, PREFIX_DECREMENT:
        return parts.assignments.incrementOrDecrement(path, (UnaryTree) tree);
      case UNARY_PLUS, UNARY_MINUS, BITWISE_COMPLEMENT:
        return unary(path, (UnaryTree) tree);
      case LOGICAL_COMPLEMENT,
      CONDITIONAL_AND,
      CONDITIONAL_OR,
      LESS_THAN,
      LESS_THAN_EQUAL,
      GREATER_THAN,
      GREATER_THAN_EQUAL,
      EQUAL_TO,
      NOT_EQUAL_TO:
        {
          Branches branches = parts.conditions.evaluate(path);
          parts.frame.state = State.join(branches.whenTrue(), branches.whenFalse());
          return null;
        }
      case PLUS,
      MINUS,
      MULTIPLY,
      DIVIDE,
      REMAINDER,
      AND,
      OR,
      XOR,
      LEFT_SHIFT,
      RIGHT_SHIFT,
      UNSIGNED_RIGHT_SHIFT:
        return binary(path, (BinaryTree) tree);
      case CONDITIONAL_EXPRESSION:
        return conditional(path, (ConditionalExpressionTree) tree);
      case ASSIGNMENT:
        return parts.assignments.assign(path, (AssignmentTree) tree);
      case PLUS_ASSIGNMENT,
      MINUS_ASSIGNMENT,
      MULTIPLY_ASSIGNMENT,
      DIVIDE_ASSIGNMENT,
      REMAINDER_ASSIGNMENT,
      AND_ASSIGNMENT,
      OR_ASSIGNMENT,
      XOR_ASSIGNMENT,
      LEFT_SHIFT_ASSIGNMENT,
      RIGHT_SHIFT_ASSIGNMENT,
      UNSIGNED_RIGHT_SHIFT_ASSIGNMENT:
        {
          Fact result = parts.assignments.compound(path, (CompoundAssignmentTree) tree);
          if (tree.getKind() == Tree.Kind.PLUS_ASSIGNMENT && parts.values.kind(path) == null) {
            forgetImplicitCalls(path); // text += label runs label.toString()
          }
          return result;
        }
      case LAMBDA_EXPRESSION:
        Interpreter.analyseLambda(parts, path, (LambdaExpressionTree) tree);
        return null;
      case MEMBER_REFERENCE:
        parts.calls.methodReference(path, (MemberReferenceTree) tree);
        return null;
      case SWITCH_EXPRESSION:
        return parts.switches.switchExpression(path, (SwitchExpressionTree) tree);
      default:
        return null;
    }
  }

  /**
   * Evaluates the receiver of a field access, call or method reference for its effects, unless it
   * names a type or package; returns whether it was a value.
   */
  boolean evaluateReceiver(TreePath receiver) {
    Element element = parts.context.elementOf(receiver);
    if (element != null
        && (element.getKind().isClass()
            || element.getKind().isInterface()
            || element.getKind() == ElementKind.PACKAGE)) {
      return false;
    }
    evaluate(receiver);
    return true;
  }

  /**
   * A cast: to a floating-point type Java rounds; to an integral type from a floating-point one it
   * truncates and saturates; between integral types it keeps the value's range (a cast does not
   * launder a value).
   */
  private @Nullable Fact cast(TreePath path, TreePath operand, @Nullable Fact value) {
    Floating toFloating = parts.values.floating(path);
    if (toFloating != null) {
      return Floats.convert(value, parts.values.kind(operand), toFloating);
    }
    JavaKind to = parts.values.kind(path);
    JavaKind from = parts.values.kind(operand);
    if (to == null) {
      // (Object) op.space boxes the value, which keeps it as an assignment to Object does
      return from != null && Boxes.holder(parts.context.typeOf(path)) ? value : null;
    }
    if (from != null) {
      return Arith.convert(value, from, to);
    }
    Boxes.Held held = held(operand, value);
    if (held != null && held.fact(to) != null) {
      // (Integer) o, (int) o: o's box, when it is an Integer (else the cast throws)
      return held.fact(to);
    }
    Floating fromFloating = parts.values.floating(operand);
    // from a reference, or a float or double not known: a plain value of the integer's type (in
    // strict mode, held to its range)
    return parts.values.integral(
        fromFloating == null ? null : Floats.convert(value, null, fromFloating),
        to,
        () -> "(" + to.keyword() + ") " + parts.context.text(operand.getLeaf()));
  }

  /**
   * The box an expression of a reference type that may hold one ({@code Object}, {@code Number}...)
   * holds here, given its value {@code value} as evaluated: a number cast to such a type ({@code
   * (Object) op.space}); a conditional or switch expression, each arm boxed as its own kind ({@code
   * c ? op.space : "none"}); the box a local holds ({@code o} after {@code Object o = op.space;}),
   * read through parentheses and casts to such types ({@code (Number) o}). Null when the expression
   * is none of these, or a local this code has not written.
   */
  Boxes.@Nullable Held held(TreePath path, @Nullable Fact value) {
    TreePath bare = AccessPaths.skipParentheses(path);
    Tree leaf = bare.getLeaf();
    if (leaf instanceof TypeCastTree cast && Boxes.holder(parts.context.typeOf(bare))) {
      TreePath operand = new TreePath(bare, cast.getExpression());
      JavaKind kind = parts.values.kind(operand);
      // the cast passed the number's value on (cast above)
      return kind != null ? Boxes.Held.of(kind, value) : held(operand, value);
    }
    if ((leaf instanceof ConditionalExpressionTree || leaf instanceof SwitchExpressionTree)
        && Boxes.holder(parts.context.typeOf(bare))) {
      return armsHeld(parts.context.arms.get(leaf));
    }
    Element element = parts.frame.reachable() ? parts.paths.holdingLocal(bare) : null;
    if (element == null) {
      return null;
    }
    Map<JavaKind, @Nullable Fact> byKind = new EnumMap<>(JavaKind.class);
    for (JavaKind kind : JavaKind.values()) {
      AccessPath box = AccessPath.box(element, kind);
      if (parts.frame.state.tracks(box)) {
        byKind.put(kind, parts.frame.state.fact(box));
      }
    }
    return byKind.isEmpty() ? null : new Boxes.Held(byKind);
  }

  /**
   * The box a conditional or switch expression of a reference type holds, from its arms as just
   * evaluated: an arm of a number is a box of its own kind, an arm of a type no box converts to
   * ({@code "none"}, {@code null}, an array) is no box, and the boxes of the arms join kind by
   * kind. An arm the guard cannot tell ({@code lookup(key)}, an {@code Object} of unknown origin)
   * may be any box: a plain one of each kind the other arms have, in lenient mode; in strict mode,
   * where a plain box is any value, nothing is known. Null when no arm was reached.
   */
  private Boxes.@Nullable Held armsHeld(@Nullable List<Context.Arm> arms) {
    if (arms == null || arms.isEmpty()) {
      return null;
    }
    Map<JavaKind, @Nullable Fact> byKind = new EnumMap<>(JavaKind.class);
    boolean unknown = false;
    for (Context.Arm arm : arms) {
      JavaKind kind = parts.values.kind(arm.at());
      if (kind == null && Boxes.noBox(parts.context.typeOf(arm.at()))) {
        continue;
      }
      Boxes.Held held =
          kind != null ? Boxes.Held.of(kind, arm.value()) : held(arm.at(), arm.value());
      if (held == null) {
        unknown = true;
        continue;
      }
      for (Map.Entry<JavaKind, @Nullable Fact> entry : held.byKind().entrySet()) {
        JavaKind boxKind = entry.getKey();
        byKind.put(
            boxKind,
            byKind.containsKey(boxKind)
                ? Fact.join(byKind.get(boxKind), entry.getValue())
                : entry.getValue());
      }
    }
    if (unknown) {
      if (parts.context.strict) {
        return null;
      }
      byKind.replaceAll((boxKind, fact) -> Fact.join(fact, null));
    }
    return new Boxes.Held(byKind);
  }

  /** A read of a local variable, parameter or field: its tracked fact, else its declared one. */
  private @Nullable Fact read(TreePath path) {
    Element element = parts.context.elementOf(path);
    JavaKind kind = parts.values.kind(path);
    Floating floating = kind == null ? parts.values.floating(path) : null;
    if (floating != null && element instanceof VariableElement variable) {
      return readFloating(path, variable, floating);
    }
    if (!(element instanceof VariableElement variable) || kind == null) {
      return null;
    }
    BigInteger constant = Constants.integral(variable.getConstantValue());
    if (constant != null) {
      return Fact.plain(
          Range.point(constant),
          Text.of(() -> "constant " + variable.getSimpleName() + " = " + Range.hex(constant)));
    }
    AccessPath access = parts.paths.of(path);
    if (access != null && parts.frame.state.tracks(access)) {
      Fact tracked = parts.frame.state.fact(access);
      return tracked != null || !parts.context.strict ? tracked : plain(path, element, kind);
    }
    Fact declared = parts.declarations.readFact(element);
    return declared != null ? declared : plain(path, element, kind);
  }

  /**
   * After a call of a method or constructor: what the call may have written of the fields the
   * caller checked is forgotten, through the bodies of the class analysed ({@link WrittenFields})
   * and those of the compilation's other classes ({@link OtherClassWrites}).
   */
  private void forgetWrites(TreePath call) {
    if (!(parts.context.elementOf(call) instanceof ExecutableElement method)) {
      return;
    }
    WrittenFields written = parts.context.writtenFields;
    if (written != null) {
      List<? extends ExpressionTree> arguments =
          call.getLeaf() instanceof MethodInvocationTree invocation
              ? invocation.getArguments()
              : ((NewClassTree) call.getLeaf()).getArguments();
      written.forget(parts.frame.state, method, arguments, parts.context.trees, call);
    }
    OtherClassWrites other = parts.context.otherClassWrites;
    if (other != null) {
      Call site = Call.at(call, method, parts.context.names, parts.context.types);
      other.forget(parts.frame.state, site, parts.context.analysed);
      // a method from a jar may run what the objects handed to it implement (forEach(action))
      forgetCalls(other.callbacks().runBy(call, method, parts.context.names), call);
    }
  }

  /**
   * After code that makes calls no call in it names ({@link ImplicitCalls}: a string concatenation,
   * an enhanced for loop's round, a try-with-resources statement's end): what those calls may have
   * written of the fields the caller checked is forgotten.
   */
  void forgetImplicitCalls(TreePath site) {
    OtherClassWrites other = parts.context.otherClassWrites;
    if (other != null && parts.frame.reachable()) {
      forgetCalls(other.implicitCalls().at(site, parts.context.names), site);
    }
  }

  /** Forgets what each of {@code calls}, made at {@code at}, may write, in the class or out. */
  private void forgetCalls(List<Call> calls, TreePath at) {
    WrittenFields written = parts.context.writtenFields;
    OtherClassWrites other = parts.context.otherClassWrites;
    for (Call call : calls) {
      if (written != null) {
        written.forget(parts.frame.state, call.method(), List.of(), parts.context.trees, at);
      }
      if (other != null) {
        other.forget(parts.frame.state, call, parts.context.analysed);
      }
    }
  }

  /**
   * A variable read with no fact: in strict mode, any value of its type; an array's length, a plain
   * Java value but never negative, 0..0x7FFFFFFF.
   */
  private @Nullable Fact plain(TreePath path, Element element, JavaKind kind) {
    Fact length = parts.context.strict ? parts.values.arrayLength(path) : null;
    return length != null
        ? length
        : parts.values.plain(kind, () -> parts.declarations.describe(element));
  }

  /** A read of a {@code float} or {@code double} variable: its constant, tracked or plain value. */
  private @Nullable Fact readFloating(TreePath path, VariableElement variable, Floating floating) {
    if (variable.getConstantValue() instanceof Number constant) {
      return Floats.constant(
          constant.doubleValue(),
          floating,
          Text.of(() -> "constant " + variable.getSimpleName() + " = " + constant));
    }
    AccessPath access = parts.paths.of(path);
    if (access != null && parts.frame.state.tracks(access)) {
      Fact tracked = parts.frame.state.fact(access);
      if (tracked != null || !parts.context.strict) {
        return Floats.convert(tracked, null, floating);
      }
    }
    return parts.values.plain(floating, () -> parts.declarations.describe(variable));
  }

  private @Nullable Fact memberSelect(TreePath path, MemberSelectTree select) {
    TreePath receiver = new TreePath(path, select.getExpression());
    evaluateReceiver(receiver);
    Element element = parts.context.elementOf(path);
    if (element != null && element.getKind() == ElementKind.FIELD) {
      Fact known = enumField(receiver, element);
      return known != null ? known : read(path);
    }
    return null;
  }

  /**
   * A final integer field of an enum constant the receiver is known to hold ({@code size.bytes}
   * with {@code size} holding {@code WORD(4)}): its value, when the source says it.
   */
  private @Nullable Fact enumField(TreePath receiver, Element field) {
    if (!(ConstantChoices.of(parts.context, parts.frame.state, receiver)
        instanceof VariableElement constant)) {
      return null;
    }
    BigInteger value = EnumFields.value(parts.context, constant, field);
    return value == null
        ? null
        : Fact.plain(
            Range.point(value),
            Text.of(
                () -> constant.getSimpleName() + "." + field.getSimpleName() + " (" + value + ")"));
  }

  private @Nullable Fact arrayElement(TreePath path, ArrayAccessTree access) {
    TreePath array = new TreePath(path, access.getExpression());
    evaluate(array);
    evaluate(new TreePath(path, access.getIndex()));
    Fact declared = parts.declarations.elementFact(parts.arrays.arrayOf(array));
    if (declared != null) {
      return declared;
    }
    JavaKind kind = parts.values.kind(path);
    AccessPath element = parts.paths.of(path);
    if (element != null && parts.frame.state.tracks(element)) {
      // an element of a local array tracked one by one (LocalArrays), read as a local is
      Fact tracked = parts.frame.state.fact(element);
      if (tracked != null || !parts.context.strict) {
        return tracked;
      }
    }
    return kind == null
        ? null
        : parts.values.plain(kind, () -> "array element " + parts.context.text(access));
  }

  private void newArray(TreePath path, NewArrayTree newArray) {
    Sink elementSink = pendingElements;
    pendingElements = null;
    for (ExpressionTree dimension : newArray.getDimensions()) {
      evaluate(new TreePath(path, dimension));
    }
    Map<Tree, Context.ElementWrite> writes = new LinkedHashMap<>();
    if (newArray.getInitializers() != null) {
      for (ExpressionTree initializer : newArray.getInitializers()) {
        TreePath initializerPath = new TreePath(path, initializer);
        Fact value = evaluate(initializerPath);
        JavaKind kind = parts.values.kind(initializerPath);
        parts.checks.check(elementSink, value, kind, initializerPath);
        writes.put(initializer, new Context.ElementWrite(value, kind, initializerPath));
      }
    }
    parts.context.arrayWrites.put(newArray, writes);
  }

  /**
   * The sink of each element of the array initializer about to be evaluated ({@code new int[]
   * {...}} or {@code {...}} stored into an {@code @AbiArray} field, or passed as a varargs array);
   * the initializer takes it.
   */
  private @Nullable Sink pendingElements;

  /** Holds the elements of {@code value} to {@code sink} when it is an array initializer. */
  void elementsOf(@Nullable Sink sink, TreePath value) {
    pendingElements =
        sink != null && AccessPaths.skipParentheses(value).getLeaf() instanceof NewArrayTree
            ? sink
            : null;
  }

  private @Nullable Fact unary(TreePath path, UnaryTree unary) {
    TreePath operand = new TreePath(path, unary.getExpression());
    Floating floating = parts.values.floating(path);
    if (floating != null) {
      Fact value = Floats.convert(evaluate(operand), parts.values.kind(operand), floating);
      return unary.getKind() == Tree.Kind.UNARY_MINUS
          ? Floats.negate(value, expressionText(unary))
          : value;
    }
    JavaKind kind = parts.values.kind(path);
    Fact value = Arith.convert(evaluate(operand), parts.values.kind(operand), kind);
    if (kind == null || value == null) {
      return null;
    }
    CharSequence origin = expressionText(unary);
    Fact result =
        switch (unary.getKind()) {
          case UNARY_MINUS -> Arith.negate(value, kind, origin);
          case BITWISE_COMPLEMENT -> Arith.complement(value, kind, origin);
          default -> value;
        };
    // still derived from an ABI declaration, so a loop that accumulates it is held to a range
    return result == null ? null : result.from(value);
  }

  private @Nullable Fact binary(TreePath path, BinaryTree binary) {
    TreePath leftPath = new TreePath(path, binary.getLeftOperand());
    TreePath rightPath = new TreePath(path, binary.getRightOperand());
    Fact left = evaluate(leftPath);
    Fact right = evaluate(rightPath);
    Floating floating = parts.values.floating(path);
    if (floating != null && parts.frame.reachable()) {
      return Operators.operateFloating(
          binary.getKind(),
          Floats.convert(left, parts.values.kind(leftPath), floating),
          Floats.convert(right, parts.values.kind(rightPath), floating),
          floating,
          expressionText(binary));
    }
    JavaKind kind = parts.values.kind(path);
    if (kind == null && floating == null && binary.getKind() == Tree.Kind.PLUS) {
      forgetImplicitCalls(path); // "op " + label runs label.toString()
    }
    if (kind == null || !parts.frame.reachable()) {
      return null;
    }
    Fact result =
        Operators.operate(
            binary.getKind(),
            left,
            parts.values.kind(leftPath),
            right,
            parts.values.kind(rightPath),
            kind,
            expressionText(binary));
    if (binary.getKind() == Tree.Kind.PLUS) {
      return checkedSum(parts.paths.sumOf(path), result);
    }
    return binary.getKind() == Tree.Kind.MINUS
        ? nonNegativeDifference(result, leftPath, left, rightPath, right, kind)
        : result;
  }

  /**
   * The value of {@code a + b} where a check bounded that very sum and neither was written since:
   * what the check left, within what the arithmetic gives.
   */
  @Nullable Fact checkedSum(@Nullable AccessPath sum, @Nullable Fact computed) {
    if (sum == null || computed == null || !parts.frame.state.tracks(sum)) {
      return computed;
    }
    Fact checked = parts.frame.state.fact(sum);
    Fact within = checked == null ? null : checked.restrictJava(computed.javaRange());
    return within == null ? computed : within;
  }

  /**
   * {@code a - b} after a check proved {@code b <= a} is not negative, as long as neither operand
   * holds raw bits Java compares as negative and the difference cannot overflow.
   */
  private @Nullable Fact nonNegativeDifference(
      @Nullable Fact result,
      TreePath leftPath,
      @Nullable Fact left,
      TreePath rightPath,
      @Nullable Fact right,
      JavaKind kind) {
    if (result == null || left == null || right == null || result.range().nonNegative()) {
      return result;
    }
    AccessPath leftAccess = parts.paths.of(leftPath);
    AccessPath rightAccess = parts.paths.of(rightPath);
    if (leftAccess == null
        || rightAccess == null
        || !parts.frame.state.isAtMost(rightAccess, leftAccess)
        || !left.javaRange().equals(left.range())
        || !right.javaRange().equals(right.range())
        || !Range.of(kind)
            .contains(
                new Range(
                    left.range().lo().subtract(right.range().hi()),
                    left.range().hi().subtract(right.range().lo())))) {
      return result;
    }
    return result.range().hi().signum() < 0
        ? result
        : result.withRange(new Range(BigInteger.ZERO, result.range().hi()));
  }

  private @Nullable Fact conditional(TreePath path, ConditionalExpressionTree conditional) {
    Branches condition = parts.conditions.evaluate(new TreePath(path, conditional.getCondition()));
    parts.frame.state = condition.whenTrue();
    TreePath truePath = new TreePath(path, conditional.getTrueExpression());
    Fact whenTrue =
        !parts.frame.reachable() ? null : parts.values.convert(evaluate(truePath), truePath, path);
    State afterTrue = parts.frame.state;
    parts.frame.state = condition.whenFalse();
    TreePath falsePath = new TreePath(path, conditional.getFalseExpression());
    Fact whenFalse =
        !parts.frame.reachable()
            ? null
            : parts.values.convert(evaluate(falsePath), falsePath, path);
    State afterFalse = parts.frame.state;
    parts.frame.state = State.join(afterTrue, afterFalse);
    List<Context.Arm> arms = new java.util.ArrayList<>();
    if (afterTrue.reachable()) {
      arms.add(new Context.Arm(truePath, whenTrue));
    }
    if (afterFalse.reachable()) {
      arms.add(new Context.Arm(falsePath, whenFalse));
    }
    parts.context.arms.put(conditional, arms);
    if (!afterTrue.reachable()) {
      return whenFalse;
    }
    if (!afterFalse.reachable()) {
      return whenTrue;
    }
    return Fact.join(whenTrue, whenFalse);
  }

  /** The description of a computed value, built only if a message needs it. */
  private Text expressionText(Tree tree) {
    return Text.of(() -> "expression `" + parts.context.text(tree) + "`");
  }
}
