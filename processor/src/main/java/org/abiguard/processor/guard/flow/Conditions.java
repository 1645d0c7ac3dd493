package org.abiguard.processor.guard.flow;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.guard.facts.Floating;
import org.abiguard.processor.guard.facts.Floats;
import org.abiguard.processor.guard.facts.Range;
import org.abiguard.processor.model.JavaKind;
import org.jspecify.annotations.Nullable;

/**
 * Conditions: the state when a condition holds and when it does not. A comparison of tracked values
 * narrows them on each side ({@link Refinement}), which is how a range check sharpens the facts it
 * dominates.
 */
final class Conditions {
  private final Parts parts;

  Conditions(Parts parts) {
    this.parts = parts;
  }

  /** The states after the condition at {@code path}, when it holds and when it does not. */
  Branches evaluate(TreePath path) {
    Branches outcomes = outcomes(path);
    return new Branches(withCopies(outcomes.whenTrue()), withCopies(outcomes.whenFalse()));
  }

  /**
   * {@code state} with what a check proved of a value given to the copies of it, and of a copy to
   * the value: a local and the path it copied ({@code long len = e.len;}) hold the same Java value
   * until either is written, so each is within the other's range.
   */
  State withCopies(State state) {
    State out = state;
    for (List<AccessPath> pair : state.copies()) {
      Fact from = copyFact(out, pair.get(0));
      Fact to = copyFact(out, pair.get(1));
      if (from == null || to == null || from.floating() != null || to.floating() != null) {
        continue;
      }
      Fact narrowed = to.restrictJava(from.javaRange());
      if (narrowed != null && !narrowed.sameValues(to)) {
        out = out == state ? state.copy() : out;
        out.put(pair.get(1), narrowed);
      }
    }
    return out;
  }

  /** The fact of a path in a copy relation: its tracked fact, else its declared one. */
  private @Nullable Fact copyFact(State state, AccessPath path) {
    if (state.tracks(path)) {
      return state.fact(path);
    }
    Element last = path.last();
    return last == null ? null : parts.declarations.readFact(last);
  }

  private Branches outcomes(TreePath path) {
    if (!parts.frame.reachable()) {
      return new Branches(State.UNREACHABLE, State.UNREACHABLE);
    }
    if (Constants.other(parts.context, path) instanceof Boolean constant) {
      // true, or a constant (if (DEBUG), if (Config.COMPAT_16)): javac compiles the branch it takes
      return decided(constant);
    }
    Tree tree = path.getLeaf();
    switch (tree.getKind()) {
      case PARENTHESIZED:
        return evaluate(new TreePath(path, ((ParenthesizedTree) tree).getExpression()));
      case LOGICAL_COMPLEMENT:
        {
          Branches operand = evaluate(new TreePath(path, ((UnaryTree) tree).getExpression()));
          return new Branches(
              /* whenTrue= */ operand.whenFalse(), /* whenFalse= */ operand.whenTrue());
        }
      case CONDITIONAL_AND:
        {
          BinaryTree and = (BinaryTree) tree;
          Branches left = evaluate(new TreePath(path, and.getLeftOperand()));
          parts.frame.state = left.whenTrue();
          Branches right = evaluate(new TreePath(path, and.getRightOperand()));
          return new Branches(right.whenTrue(), State.join(left.whenFalse(), right.whenFalse()));
        }
      case CONDITIONAL_OR:
        {
          BinaryTree or = (BinaryTree) tree;
          Branches left = evaluate(new TreePath(path, or.getLeftOperand()));
          parts.frame.state = left.whenFalse();
          Branches right = evaluate(new TreePath(path, or.getRightOperand()));
          return new Branches(State.join(left.whenTrue(), right.whenTrue()), right.whenFalse());
        }
      case AND, OR:
        return evaluateBoth(path, (BinaryTree) tree);
      case LESS_THAN, LESS_THAN_EQUAL, GREATER_THAN, GREATER_THAN_EQUAL, EQUAL_TO, NOT_EQUAL_TO:
        return compare(path, (BinaryTree) tree);
      case METHOD_INVOCATION:
        {
          Branches decided = equalsCall(path, (MethodInvocationTree) tree);
          if (decided != null) {
            return decided;
          }
          // a boolean helper is the check it returns (Helpers)
          Branches followed = parts.helpers.outcomes(path, (MethodInvocationTree) tree);
          if (followed != null) {
            return followed;
          }
          parts.expressions.evaluate(path);
          return new Branches(parts.frame.state, parts.frame.state.copy());
        }
      case IDENTIFIER:
        {
          Element local = parts.context.elementOf(path);
          State.Flag flag = local == null ? null : parts.frame.state.flag(local);
          if (flag != null) {
            java.util.Map<AccessPath, Fact> whenTrue = flag.whenTrue();
            java.util.Map<AccessPath, Fact> whenFalse = flag.whenFalse();
            return new Branches(
                whenTrue == null ? State.UNREACHABLE : withFlag(parts.frame.state.copy(), whenTrue),
                whenFalse == null
                    ? State.UNREACHABLE
                    : withFlag(parts.frame.state.copy(), whenFalse));
          }
          parts.expressions.evaluate(path);
          return new Branches(parts.frame.state, parts.frame.state.copy());
        }
      default:
        {
          parts.expressions.evaluate(path);
          return new Branches(parts.frame.state, parts.frame.state.copy());
        }
    }
  }

  /**
   * {@code name.equals("word")}, {@code Objects.equals(size, Size.WORD)}: decided when both
   * operands are known constants ({@link ConstantChoices}); null otherwise, and for any other call.
   */
  private @Nullable Branches equalsCall(TreePath path, MethodInvocationTree call) {
    List<TreePath> operands = ConstantChoices.equalsOperands(parts.context, path, call);
    if (operands == null) {
      return null;
    }
    Boolean equal = ConstantChoices.equalsHolds(parts.context, parts.frame.state, operands);
    if (equal == null) {
      return null;
    }
    parts.expressions.evaluate(path);
    return parts.frame.reachable()
        ? decided(equal)
        : new Branches(State.UNREACHABLE, State.UNREACHABLE);
  }

  /** The outcomes of a condition known to hold ({@code holds}) or known not to. */
  private Branches decided(boolean holds) {
    return holds
        ? new Branches(parts.frame.state, State.UNREACHABLE)
        : new Branches(State.UNREACHABLE, parts.frame.state);
  }

  /**
   * A boolean {@code &} or {@code |}: the outcomes of {@code &&} or {@code ||}, but the right
   * operand is evaluated whatever the left one gave, so its sinks are checked in both states.
   */
  private Branches evaluateBoth(TreePath path, BinaryTree operation) {
    return evaluateBoth(
        new TreePath(path, operation.getLeftOperand()),
        new TreePath(path, operation.getRightOperand()),
        operation.getKind() == Tree.Kind.AND);
  }

  /**
   * The outcomes of {@code left & right} ({@code and}) or {@code left | right}, both operands
   * evaluated; also those of {@code left &= right} and {@code left |= right}.
   */
  Branches evaluateBoth(TreePath leftPath, TreePath rightPath, boolean and) {
    if (nestedBoth >= NESTED_BOTH) {
      // each operand once, proving nothing: the right one on each side of the left one would
      // double the work at each level of a right-nested chain
      parts.expressions.evaluate(leftPath);
      parts.expressions.evaluate(rightPath);
      return new Branches(parts.frame.state, parts.frame.state.copy());
    }
    nestedBoth++;
    try {
      return both(leftPath, rightPath, and);
    } finally {
      nestedBoth--;
    }
  }

  /**
   * How many {@code &} and {@code |} operations nest in one another's right operand, each
   * evaluating it twice, before a deeper one proves nothing.
   */
  private static final int NESTED_BOTH = 4;

  /** How many {@code &} and {@code |} operations are being evaluated, one inside another. */
  private int nestedBoth;

  private Branches both(TreePath leftPath, TreePath rightPath, boolean and) {
    Branches left = evaluate(leftPath);
    parts.frame.state = left.whenTrue();
    Branches rightAfterTrue = evaluate(rightPath);
    parts.frame.state = left.whenFalse();
    Branches rightAfterFalse = evaluate(rightPath);
    return and
        ? new Branches(
            rightAfterTrue.whenTrue(),
            State.join(
                rightAfterTrue.whenFalse(),
                State.join(rightAfterFalse.whenTrue(), rightAfterFalse.whenFalse())))
        : new Branches(
            State.join(
                rightAfterFalse.whenTrue(),
                State.join(rightAfterTrue.whenTrue(), rightAfterTrue.whenFalse())),
            rightAfterFalse.whenFalse());
  }

  /**
   * Whether {@code value}, stored into {@code variable}, is a boolean whose outcome the local keeps
   * ({@code boolean ok = len <= 0xFFFF;}, {@code ok = false;}), to be evaluated by {@link
   * #evaluateFlag}.
   */
  boolean isFlag(@Nullable Element variable, TreePath value) {
    return isBooleanLocal(variable)
        && FLAG_CONDITIONS.contains(AccessPaths.skipParentheses(value).getLeaf().getKind());
  }

  /** Whether a variable is a local {@code boolean}, which may keep what a check proved. */
  static boolean isBooleanLocal(@Nullable Element variable) {
    return variable != null
        && variable.getKind() == ElementKind.LOCAL_VARIABLE
        && variable.asType().getKind() == TypeKind.BOOLEAN;
  }

  private static final java.util.Set<Tree.Kind> FLAG_CONDITIONS =
      java.util.EnumSet.of(
          Tree.Kind.LESS_THAN,
          Tree.Kind.LESS_THAN_EQUAL,
          Tree.Kind.GREATER_THAN,
          Tree.Kind.GREATER_THAN_EQUAL,
          Tree.Kind.EQUAL_TO,
          Tree.Kind.NOT_EQUAL_TO,
          Tree.Kind.CONDITIONAL_AND,
          Tree.Kind.CONDITIONAL_OR,
          Tree.Kind.LOGICAL_COMPLEMENT,
          Tree.Kind.AND,
          Tree.Kind.OR,
          Tree.Kind.BOOLEAN_LITERAL,
          Tree.Kind.IDENTIFIER,
          Tree.Kind.METHOD_INVOCATION);

  /**
   * Evaluates a check a boolean local is given: the state goes on as after the check, and the
   * result is what each outcome proved beyond that (null when nothing, or when an outcome is
   * impossible), for the caller to keep with the local once it is written.
   */
  State.@Nullable Flag evaluateFlag(TreePath value) {
    return flagOf(evaluate(value));
  }

  /**
   * The flag of a boolean whose outcomes are {@code branches}; the state goes on as after either.
   * An outcome that cannot happen is a side the flag rules out ({@code ok = false;}).
   */
  State.@Nullable Flag flagOf(Branches branches) {
    State after = State.join(branches.whenTrue(), branches.whenFalse());
    parts.frame.state = after;
    if (!after.reachable()) {
      return null;
    }
    State.Flag flag =
        new State.Flag(
            branches.whenTrue().reachable() ? proved(branches.whenTrue(), after) : null,
            branches.whenFalse().reachable() ? proved(branches.whenFalse(), after) : null);
    return flag.informative() ? flag : null;
  }

  /**
   * The facts of {@code outcome} narrower than those of {@code after}, the join of both outcomes.
   */
  static java.util.Map<AccessPath, Fact> proved(State outcome, State after) {
    java.util.Map<AccessPath, Fact> narrowed = new java.util.HashMap<>();
    for (java.util.Map.Entry<AccessPath, @Nullable Fact> entry : outcome.entries()) {
      Fact fact = entry.getValue();
      AccessPath path = entry.getKey();
      if (fact != null && (!after.tracks(path) || !fact.sameValues(after.fact(path)))) {
        narrowed.put(path, fact);
      }
    }
    return java.util.Map.copyOf(narrowed);
  }

  /**
   * {@code state} when a boolean local's check had the outcome whose facts are {@code proved}:
   * neither the local nor those paths were written since, so each path still holds its proved fact,
   * and whatever a later check added to it.
   */
  static State withFlag(State state, java.util.Map<AccessPath, Fact> proved) {
    for (java.util.Map.Entry<AccessPath, Fact> entry : proved.entrySet()) {
      Fact fact = entry.getValue();
      Fact current = state.tracks(entry.getKey()) ? state.fact(entry.getKey()) : null;
      Fact both =
          current == null || current.floating() != null || fact.floating() != null
              ? null
              : current.restrictJava(fact.javaRange());
      state.put(entry.getKey(), both != null ? both : fact);
    }
    return state;
  }

  private Branches compare(TreePath path, BinaryTree comparison) {
    TreePath leftPath = new TreePath(path, comparison.getLeftOperand());
    TreePath rightPath = new TreePath(path, comparison.getRightOperand());
    Fact leftValue = parts.expressions.evaluate(leftPath);
    Fact rightValue = parts.expressions.evaluate(rightPath);
    if (!parts.frame.reachable()) {
      return new Branches(State.UNREACHABLE, State.UNREACHABLE);
    }
    if (comparison.getKind() == Tree.Kind.EQUAL_TO
        || comparison.getKind() == Tree.Kind.NOT_EQUAL_TO) {
      Boolean equal = ConstantChoices.equal(parts.context, parts.frame.state, leftPath, rightPath);
      if (equal != null) {
        return decided(equal == (comparison.getKind() == Tree.Kind.EQUAL_TO));
      }
    }
    Fact left = comparand(leftPath, leftValue);
    Fact right = comparand(rightPath, rightValue);
    if (right != null
        && right.range().isPoint()
        && right.range().lo().signum() == 0
        && AccessPaths.skipParentheses(leftPath).getLeaf() instanceof MethodInvocationTree call) {
      Branches compared =
          compareCall(AccessPaths.skipParentheses(leftPath), call, comparison.getKind());
      if (compared != null) {
        return compared;
      }
    }
    Floating leftFloating = parts.values.floating(leftPath);
    Floating rightFloating = parts.values.floating(rightPath);
    if (leftFloating != null || rightFloating != null) {
      return compareFloating(
          comparison.getKind(), leftPath, left, leftFloating, rightPath, right, rightFloating);
    }
    if (left == null || right == null) {
      return new Branches(parts.frame.state, parts.frame.state.copy());
    }
    Refinement.Outcomes outcomes =
        Refinement.outcomes(comparison.getKind(), left.javaRange(), right.javaRange());
    // an array length that is only a bound here is not tracked: it stays a plain value
    AccessPath leftAccess = leftValue == null ? null : parts.paths.of(leftPath);
    AccessPath rightAccess = rightValue == null ? null : parts.paths.of(rightPath);
    State whenTrue =
        Refinement.apply(
            parts.frame.state.copy(), outcomes.whenTrue(), leftAccess, left, rightAccess, right);
    State whenFalse =
        Refinement.apply(
            parts.frame.state.copy(), outcomes.whenFalse(), leftAccess, left, rightAccess, right);
    if (leftAccess == null) {
      TreePath shifted = AccessPaths.skipParentheses(leftPath);
      if (!right.partial()) {
        // a value that may be a plain one may take either outcome
        whenTrue = shiftedOperand(whenTrue, shifted, outcomes.whenTrue().left());
        whenFalse = shiftedOperand(whenFalse, shifted, outcomes.whenFalse().left());
      }
      whenTrue = maskedOperand(whenTrue, shifted, outcomes.whenTrue().left(), right);
      whenFalse = maskedOperand(whenFalse, shifted, outcomes.whenFalse().left(), right);
    }
    if (rightAccess == null) {
      TreePath masked = AccessPaths.skipParentheses(rightPath);
      whenTrue = maskedOperand(whenTrue, masked, outcomes.whenTrue().right(), left);
      whenFalse = maskedOperand(whenFalse, masked, outcomes.whenFalse().right(), left);
    }
    for (int side = 0; side < 2; side++) {
      TreePath operand = AccessPaths.skipParentheses(side == 0 ? leftPath : rightPath);
      Fact other = side == 0 ? right : left;
      Refinement.Operands ifTrue = side == 0 ? outcomes.whenTrue() : outcomes.whenTrue().swapped();
      Refinement.Operands ifFalse =
          side == 0 ? outcomes.whenFalse() : outcomes.whenFalse().swapped();
      Fact own = side == 0 ? left : right;
      whenTrue = summands(whenTrue, operand, ifTrue.left(), other);
      whenFalse = summands(whenFalse, operand, ifFalse.left(), other);
      whenTrue = sum(whenTrue, operand, own, ifTrue.left(), other);
      whenFalse = sum(whenFalse, operand, own, ifFalse.left(), other);
      whenTrue = stepped(whenTrue, operand, ifTrue.left(), other);
      whenFalse = stepped(whenFalse, operand, ifFalse.left(), other);
    }
    Tree.Kind operator = comparison.getKind();
    if (operator == Tree.Kind.EQUAL_TO || operator == Tree.Kind.NOT_EQUAL_TO) {
      State same = operator == Tree.Kind.EQUAL_TO ? whenTrue : whenFalse;
      same = castUnchanged(same, leftPath, rightPath);
      same = castUnchanged(same, rightPath, leftPath);
      whenTrue = operator == Tree.Kind.EQUAL_TO ? same : whenTrue;
      whenFalse = operator == Tree.Kind.EQUAL_TO ? whenFalse : same;
    }
    if (leftAccess != null && rightAccess != null) {
      relate(comparison.getKind(), whenTrue, whenFalse, leftAccess, rightAccess);
    }
    for (int side = 0; side < 2; side++) {
      TreePath operand = side == 0 ? leftPath : rightPath;
      Fact other = side == 0 ? right : left;
      TreePath otherPath = side == 0 ? rightPath : leftPath;
      Refinement.Operands ifTrue = side == 0 ? outcomes.whenTrue() : outcomes.whenTrue().swapped();
      Refinement.Operands ifFalse =
          side == 0 ? outcomes.whenFalse() : outcomes.whenFalse().swapped();
      whenTrue = resultCode(whenTrue, operand, operator, true, ifTrue.left(), other, otherPath);
      whenFalse = resultCode(whenFalse, operand, operator, false, ifFalse.left(), other, otherPath);
    }
    return new Branches(whenTrue, whenFalse);
  }

  /**
   * A comparison of a helper's result code with a constant, directly or through the local that
   * keeps it ({@code if (rc != 0) return rc;}, {@link Helpers#codes}): where the comparison's
   * outcome ({@code holds}) makes the code zero, what the helper proved where it returns zero
   * holds; where it makes it anything else, what it proved where it returns something else. {@code
   * values} are the operand's values in that outcome, {@code other} the constant's fact ({@code
   * otherPath} the constant: a call's codes are taken only beside a compile-time constant, which
   * writes nothing they proved). {@code operator} is only asked whether it is {@code ==} or {@code
   * !=}, which read the same both ways round.
   */
  private State resultCode(
      State state,
      TreePath operand,
      Tree.Kind operator,
      boolean holds,
      @Nullable Range values,
      Fact other,
      TreePath otherPath) {
    if (!state.reachable()
        || values == null
        || !other.javaRange().isPoint()
        || (AccessPaths.skipParentheses(operand).getLeaf() instanceof MethodInvocationTree
            && Constants.constant(parts.context, otherPath) == null)) {
      return state;
    }
    State.Flag codes = codesOf(operand, state);
    if (codes == null) {
      return state;
    }
    boolean constantZero = other.javaRange().lo().signum() == 0;
    Boolean zero;
    if (operator == Tree.Kind.EQUAL_TO || operator == Tree.Kind.NOT_EQUAL_TO) {
      boolean equal = (operator == Tree.Kind.EQUAL_TO) == holds;
      // equal to the constant: zero if it is; unequal to zero: not zero; unequal to another: either
      zero = equal ? Boolean.valueOf(constantZero) : constantZero ? Boolean.FALSE : null;
    } else {
      zero = zeroAmong(values);
    }
    return withCode(state, codes, zero);
  }

  /**
   * Whether a result code whose values are {@code values} is zero ({@code {0}}), not zero (values
   * without it), or either (null).
   */
  static @Nullable Boolean zeroAmong(Range values) {
    return values.equals(Range.point(BigInteger.ZERO))
        ? Boolean.TRUE
        : values.contains(BigInteger.ZERO) ? null : Boolean.FALSE;
  }

  /**
   * {@code state} where a result code with the flag {@code codes} is zero ({@code zero} true) or
   * not (false): with what the helper proved there; unchanged when it may be either (null).
   */
  static State withCode(State state, State.Flag codes, @Nullable Boolean zero) {
    java.util.Map<AccessPath, Fact> proved =
        zero == null ? null : zero ? codes.whenTrue() : codes.whenFalse();
    return proved == null ? state : withFlag(state.copy(), proved);
  }

  /**
   * The result codes an operand holds in {@code state} ({@link Helpers#codes}): a call's, when it
   * is the last call evaluated, or a non-boolean local's flag; null for others.
   */
  State.@Nullable Flag codesOf(TreePath operand, State state) {
    TreePath bare = AccessPaths.skipParentheses(operand);
    if (bare.getLeaf() instanceof MethodInvocationTree call) {
      return parts.helpers.codes(call);
    }
    Element local = parts.context.elementOf(bare);
    return local != null
            && local.getKind() == ElementKind.LOCAL_VARIABLE
            && !isBooleanLocal(local)
            && state.reachable()
        ? state.flag(local)
        : null;
  }

  /**
   * A comparison in floating point (one operand is a {@code float} or {@code double}): both are
   * converted to the promoted type and compared by their ordinals, so that {@code d < 65536.0}
   * leaves {@code d <= Math.nextDown(65536.0)}. Only an operand of that type itself is narrowed (an
   * {@code int} compared with a {@code double} keeps its own fact). NaN compares false to anything
   * ({@code !=} true), so in the outcome it takes an operand keeps its NaN, and the other operand
   * of one that may be NaN is not narrowed; in the other outcome neither is NaN.
   */
  private Branches compareFloating(
      Tree.Kind operator,
      TreePath leftPath,
      @Nullable Fact left,
      @Nullable Floating leftFloating,
      TreePath rightPath,
      @Nullable Fact right,
      @Nullable Floating rightFloating) {
    Floating type =
        leftFloating == Floating.DOUBLE || rightFloating == Floating.DOUBLE
            ? Floating.DOUBLE
            : Floating.FLOAT;
    Fact x = Floats.convert(left, parts.values.kind(leftPath), type);
    Fact y = Floats.convert(right, parts.values.kind(rightPath), type);
    if (x == null || y == null) {
      return new Branches(parts.frame.state, parts.frame.state.copy());
    }
    Refinement.Outcomes outcomes = Refinement.outcomes(operator, x.range(), y.range());
    AccessPath leftAccess = leftFloating != null ? parts.paths.of(leftPath) : null;
    AccessPath rightAccess = rightFloating != null ? parts.paths.of(rightPath) : null;
    boolean nanIsTrue = operator == Tree.Kind.NOT_EQUAL_TO;
    State whenTrue =
        floatingOutcome(
            outcomes.whenTrue(),
            nanIsTrue,
            x,
            leftAccess,
            leftFloating,
            y,
            rightAccess,
            rightFloating);
    State whenFalse =
        floatingOutcome(
            outcomes.whenFalse(),
            !nanIsTrue,
            x,
            leftAccess,
            leftFloating,
            y,
            rightAccess,
            rightFloating);
    boolean nan = x.nan() || y.nan();
    whenTrue = integer(whenTrue, outcomes.whenTrue().left(), nanIsTrue && nan, leftPath, left, y);
    whenTrue =
        integer(whenTrue, outcomes.whenTrue().right(), nanIsTrue && nan, rightPath, right, x);
    whenFalse =
        integer(whenFalse, outcomes.whenFalse().left(), !nanIsTrue && nan, leftPath, left, y);
    whenFalse =
        integer(whenFalse, outcomes.whenFalse().right(), !nanIsTrue && nan, rightPath, right, x);
    return new Branches(whenTrue, whenFalse);
  }

  /**
   * Narrows an integer operand of a floating-point comparison to the integers among the values the
   * outcome leaves it ({@code len > 65535.0} fails for {@code len <= 0xFFFF}), when the type holds
   * each of its values exactly (a {@code double} up to 2^53, a {@code float} up to 2^24), and
   * neither NaN nor a plain value may have taken the outcome in its place.
   */
  private State integer(
      State state,
      @Nullable Range ordinals,
      boolean nanTakesIt,
      TreePath path,
      @Nullable Fact value,
      Fact other) {
    JavaKind kind = parts.values.kind(path);
    Floating type = other.floating();
    if (!state.reachable()
        || ordinals == null
        || nanTakesIt
        || value == null
        || value.floating() != null
        || other.partial()
        || kind == null
        || type == null
        || !exactly(value.javaRange(), type)) {
      return state;
    }
    AccessPath access = parts.paths.of(path);
    if (access == null) {
      return state;
    }
    Range java = Range.of(kind);
    double lo = type.value(ordinals.lo());
    double hi = type.value(ordinals.hi());
    BigInteger from =
        lo == Double.NEGATIVE_INFINITY
            ? java.lo()
            : new BigDecimal(lo).setScale(0, RoundingMode.CEILING).toBigInteger().max(java.lo());
    BigInteger to =
        hi == Double.POSITIVE_INFINITY
            ? java.hi()
            : new BigDecimal(hi).setScale(0, RoundingMode.FLOOR).toBigInteger().min(java.hi());
    Range left = Range.orNull(from, to);
    Fact narrowed = left == null ? null : value.restrictJava(left);
    if (narrowed == null) {
      return value.partial() ? state : State.UNREACHABLE;
    }
    state.put(access, narrowed);
    return state;
  }

  /** Whether every integer of {@code values} is a value of {@code type}. */
  private static boolean exactly(Range values, Floating type) {
    BigInteger limit = BigInteger.ONE.shiftLeft(type == Floating.DOUBLE ? 53 : 24);
    return values.lo().abs().compareTo(limit) <= 0 && values.hi().abs().compareTo(limit) <= 0;
  }

  /** The state in one outcome of a floating-point comparison; {@code nanTakesIt} for NaN's. */
  private State floatingOutcome(
      Refinement.Operands ranges,
      boolean nanTakesIt,
      Fact x,
      @Nullable AccessPath leftAccess,
      @Nullable Floating leftFloating,
      Fact y,
      @Nullable AccessPath rightAccess,
      @Nullable Floating rightFloating) {
    boolean nan = nanTakesIt && (x.nan() || y.nan());
    State refined =
        Refinement.apply(
            parts.frame.state.copy(),
            ranges,
            nan && y.nan() ? null : leftAccess,
            x,
            nan && x.nan() ? null : rightAccess,
            y);
    if (nan && !refined.reachable()) {
      // no number takes this outcome, but NaN does
      return parts.frame.state.copy();
    }
    return inTypes(refined, !nan, leftAccess, leftFloating, rightAccess, rightFloating);
  }

  /**
   * Gives each narrowed operand back its own type (a {@code float} compared as a {@code double}
   * keeps the floats within the doubles left), not NaN when NaN cannot take the outcome.
   */
  private static State inTypes(
      State state,
      boolean notNan,
      @Nullable AccessPath left,
      @Nullable Floating leftType,
      @Nullable AccessPath right,
      @Nullable Floating rightType) {
    for (int i = 0; i < 2 && state.reachable(); i++) {
      AccessPath access = i == 0 ? left : right;
      Floating type = i == 0 ? leftType : rightType;
      if (access == null || type == null || !state.tracks(access)) {
        continue;
      }
      Fact narrowed = state.fact(access);
      if (narrowed == null) {
        continue;
      }
      Fact own = Floats.within(narrowed, type);
      if (own == null) {
        if (narrowed.partial()) {
          state.put(access, null);
          continue;
        }
        return State.UNREACHABLE;
      }
      state.put(access, notNan ? own.notNan() : own);
    }
    return state;
  }

  /**
   * {@code (x >>> k) op c} for a tracked {@code x} and a constant {@code k}: the values left for
   * {@code x >>> k} bound the unsigned value of {@code x} ({@code (s >>> 16) == 0} leaves {@code s}
   * in {@code 0..0xFFFF}); so do those of {@code x >> k} for an {@code x} never negative.
   */
  private State shiftedOperand(State state, TreePath shiftPath, @Nullable Range shiftedValues) {
    if (!state.reachable() || shiftedValues == null) {
      return state;
    }
    TreePath operandPath;
    java.math.BigInteger distance;
    JavaKind kind;
    boolean signedShift = false;
    if (shiftPath.getLeaf() instanceof BinaryTree shift
        && (shift.getKind() == Tree.Kind.UNSIGNED_RIGHT_SHIFT
            || shift.getKind() == Tree.Kind.RIGHT_SHIFT)) {
      signedShift = shift.getKind() == Tree.Kind.RIGHT_SHIFT;
      operandPath = new TreePath(shiftPath, shift.getLeftOperand());
      distance =
          Constants.constant(parts.context, new TreePath(shiftPath, shift.getRightOperand()));
      kind = parts.values.kind(shiftPath);
    } else if (shiftPath.getLeaf() instanceof MethodInvocationTree call
        && call.getArguments().size() == 1
        && parts.context.elementOf(shiftPath) instanceof ExecutableElement method
        && method.getSimpleName().toString().startsWith("toUnsigned")
        && method.getEnclosingElement() instanceof TypeElement owner
        && UNSIGNED_VIEWS.containsKey(owner.getQualifiedName().toString())) {
      // Integer.toUnsignedLong(x) is x's bits read as unsigned, as x >>> 0 would be in x's type
      operandPath = new TreePath(shiftPath, call.getArguments().get(0));
      distance = java.math.BigInteger.ZERO;
      kind = UNSIGNED_VIEWS.get(owner.getQualifiedName().toString());
    } else {
      return state;
    }
    AccessPath operand = parts.paths.of(operandPath);
    if (distance == null
        || operand == null
        || kind == null
        || kind != parts.values.kind(operandPath)) {
      return state;
    }
    Fact value = knownFact(state, operand, operandPath);
    if (value == null || (signedShift && !value.javaRange().nonNegative())) {
      return state; // >> is >>> on a value that is never negative
    }
    int bits = kind.bits();
    int k = distance.intValue() & (bits - 1);
    Range shiftedRange = shiftedValues.intersect(Range.unsigned(bits - k));
    if (shiftedRange == null) {
      return value.partial() ? state : State.UNREACHABLE;
    }
    Range unsigned =
        new Range(
            shiftedRange.lo().shiftLeft(k),
            shiftedRange
                .hi()
                .add(java.math.BigInteger.ONE)
                .shiftLeft(k)
                .subtract(java.math.BigInteger.ONE));
    Fact narrowed;
    if (value.raw() != null && value.raw().bits() == bits) {
      Range left = value.range().intersect(unsigned);
      narrowed = left == null ? null : value.withRange(left);
    } else if (unsigned.hi().compareTo(Range.signedMax(bits)) <= 0
        || value.javaRange().nonNegative()) {
      // negative Java values are unsigned values above signedMax: outside, or not possible
      narrowed = value.restrictJava(unsigned);
    } else {
      return state;
    }
    if (narrowed == null) {
      return value.partial() ? state : State.UNREACHABLE;
    }
    state.put(operand, narrowed);
    return state;
  }

  /**
   * {@code (x & m) op c} (or {@code m & x}) for a tracked {@code x} and a constant mask {@code m},
   * in an outcome that leaves {@code x & m} only 0: the bits of {@code m} are clear in {@code x}.
   * When {@code m} holds every bit from {@code k} up to the highest bit {@code x} can have set (its
   * sign bit, when it may be negative), {@code x} is in {@code 0..2^k-1}: {@code (s & ~0xFFFFL) !=
   * 0} fails only for {@code s} in {@code 0..0xFFFF}. A mask with a hole there ({@code 0xFF00} on a
   * {@code u32}) leaves a value above it possible, and proves nothing; so does a comparison with a
   * value that may be a plain one ({@code other} partial), which may take the outcome.
   */
  private State maskedOperand(
      State state, TreePath andPath, @Nullable Range maskedValues, Fact other) {
    if (!state.reachable()
        || other.partial()
        || maskedValues == null
        || !maskedValues.isPoint()
        || maskedValues.lo().signum() != 0
        || !(andPath.getLeaf() instanceof BinaryTree and)
        || and.getKind() != Tree.Kind.AND) {
      return state;
    }
    JavaKind promoted = parts.values.kind(andPath);
    if (promoted == null) {
      return state;
    }
    for (int side = 0; side < 2; side++) {
      TreePath operandPath =
          new TreePath(andPath, side == 0 ? and.getLeftOperand() : and.getRightOperand());
      TreePath maskPath =
          new TreePath(andPath, side == 0 ? and.getRightOperand() : and.getLeftOperand());
      BigInteger constant = Constants.constant(parts.context, maskPath);
      JavaKind maskKind = parts.values.kind(maskPath);
      AccessPath operand = parts.paths.of(operandPath);
      JavaKind kind = parts.values.kind(operandPath);
      if (constant == null || maskKind == null || operand == null || kind == null) {
        continue;
      }
      Fact value = operandFact(state, operand, operandPath, kind);
      if (value == null) {
        return state;
      }
      // the mask's bits once Java has promoted it (an int mask is sign-extended to a long)
      BigInteger mask = inType(constant, maskKind).mod(BigInteger.ONE.shiftLeft(promoted.bits()));
      int k = clearFrom(ownBits(mask, kind), value.javaRange(), kind);
      if (k < 0) {
        return state;
      }
      return narrowOperand(
          state,
          operandPath,
          value,
          new Range(BigInteger.ZERO, BigInteger.ONE.shiftLeft(k).subtract(BigInteger.ONE)));
    }
    return state;
  }

  /**
   * {@code a + b op c} for operands that are tracked values or constants, neither negative, whose
   * sum Java computes without wrapping: the values left for the sum bound each operand by the
   * other's ({@code if (p.offset + p.len > PAGE_SIZE) return;} leaves each at most {@code
   * PAGE_SIZE}).
   */
  private State summands(
      State state, TreePath sumPath, @Nullable Range sumValues, @Nullable Fact other) {
    if (!state.reachable()
        || sumValues == null
        || other == null
        || other.partial()
        || !(sumPath.getLeaf() instanceof BinaryTree sum)
        || sum.getKind() != Tree.Kind.PLUS) {
      return state;
    }
    JavaKind kind = parts.values.kind(sumPath);
    TreePath a = new TreePath(sumPath, sum.getLeftOperand());
    TreePath b = new TreePath(sumPath, sum.getRightOperand());
    Fact x = termFact(state, a);
    Fact y = termFact(state, b);
    if (kind == null || x == null || y == null) {
      return state;
    }
    Range xs = x.javaRange();
    Range ys = y.javaRange();
    if (!xs.nonNegative()
        || !ys.nonNegative()
        || xs.hi().add(ys.hi()).compareTo(Range.of(kind).hi()) > 0) {
      return state;
    }
    State out = narrowOperand(state, a, x, sumValues.subtract(ys));
    return narrowOperand(out, b, y, sumValues.subtract(xs));
  }

  /**
   * {@code a + b op c} for tracked {@code a} and {@code b}: the values left for the sum are the
   * sum's from here until either is written, so that {@code used += len} or {@code end = off + len}
   * after {@code if (used + len > 0x8000) return ...;} holds only those.
   */
  private State sum(
      State state,
      TreePath sumPath,
      @Nullable Fact value,
      @Nullable Range sumValues,
      @Nullable Fact other) {
    AccessPath sum = parts.paths.sumOf(sumPath);
    if (!state.reachable()
        || sum == null
        || value == null
        || value.partial()
        || sumValues == null
        || other == null
        || other.partial()) {
      return state;
    }
    Fact narrowed = value.restrictJava(sumValues);
    if (narrowed == null) {
      return State.UNREACHABLE;
    }
    state.put(sum, narrowed);
    return state;
  }

  /**
   * {@code x-- op c}, {@code --x op c} (and the increments) for a tracked {@code x}: the values
   * left for the compared value bound {@code x}, which after a postfix operator is one step past it
   * ({@code while (n-- > 0)} leaves {@code n} at least 0 in the loop).
   */
  private State stepped(
      State state, TreePath steppedPath, @Nullable Range values, @Nullable Fact other) {
    if (!state.reachable()
        || values == null
        || other == null
        || other.partial()
        || !(steppedPath.getLeaf() instanceof UnaryTree unary)) {
      return state;
    }
    BigInteger step =
        switch (unary.getKind()) {
          case POSTFIX_INCREMENT -> BigInteger.ONE;
          case POSTFIX_DECREMENT -> BigInteger.ONE.negate();
          case PREFIX_INCREMENT, PREFIX_DECREMENT -> BigInteger.ZERO;
          default -> null;
        };
    TreePath operand = new TreePath(steppedPath, unary.getExpression());
    JavaKind kind = parts.values.kind(operand);
    AccessPath access = parts.paths.of(operand);
    if (step == null || kind == null || access == null || !state.tracks(access)) {
      return state;
    }
    Range now = new Range(values.lo().add(step), values.hi().add(step));
    Fact value = state.fact(access);
    if (value == null || !Range.of(kind).contains(now)) {
      return state; // a step that wrapped around leaves nothing to say
    }
    return narrowOperand(state, operand, value, now);
  }

  /**
   * {@code (char) s == s} (and {@code (short)}, {@code (byte)}, {@code (int)} of a {@code long}):
   * the cast changed nothing, so {@code s} is in the cast type's range, in the outcome where they
   * are equal.
   */
  private State castUnchanged(State state, TreePath castSide, TreePath valueSide) {
    TreePath cast = AccessPaths.skipParentheses(castSide);
    if (!state.reachable() || !(cast.getLeaf() instanceof TypeCastTree typeCast)) {
      return state;
    }
    TreePath operand = new TreePath(cast, typeCast.getExpression());
    AccessPath castOf = parts.paths.of(operand);
    JavaKind type = parts.values.kind(cast);
    if (castOf == null || type == null || !castOf.equals(parts.paths.of(valueSide))) {
      return state;
    }
    Fact value = termFact(state, operand);
    return value == null ? state : narrowOperand(state, operand, value, Range.of(type));
  }

  /** The fact of an operand that is a tracked or declared value, or a constant; else null. */
  private @Nullable Fact termFact(State state, TreePath term) {
    BigInteger constant = Constants.constant(parts.context, term);
    if (constant != null) {
      return Fact.plain(Range.point(constant), "constant");
    }
    AccessPath access = parts.paths.of(term);
    JavaKind kind = parts.values.kind(term);
    Fact value = access == null || kind == null ? null : operandFact(state, access, term, kind);
    return value == null || value.partial() || value.truncated() ? null : value;
  }

  /**
   * Narrows a tracked or declared operand (a constant is left alone) to the Java values {@code
   * javaValues}: unreachable when none of its values is left.
   */
  private State narrowOperand(State state, TreePath operand, Fact value, Range javaValues) {
    AccessPath access = parts.paths.of(operand);
    if (!state.reachable() || access == null) {
      return state;
    }
    Fact narrowed = value.restrictJava(javaValues);
    if (narrowed == null) {
      return value.partial() ? state : State.UNREACHABLE;
    }
    state.put(access, narrowed);
    return state;
  }

  /** The value of type {@code kind} that Java makes of {@code value}: its low bits. */
  private static BigInteger inType(BigInteger value, JavaKind kind) {
    BigInteger size = BigInteger.ONE.shiftLeft(kind.bits());
    BigInteger bits = value.mod(size);
    return kind.signed() && bits.compareTo(Range.signedMax(kind.bits())) > 0
        ? bits.subtract(size)
        : bits;
  }

  /**
   * A mask of the promoted type seen on the bits of {@code kind} it is applied to: the bits above
   * {@code kind}'s are copies of its sign bit (zero for a {@code char}), so a mask bit there clears
   * the sign bit.
   */
  private static BigInteger ownBits(BigInteger mask, JavaKind kind) {
    int bits = kind.bits();
    if (!kind.signed()) {
      return mask.and(Range.unsignedMax(bits));
    }
    BigInteger low = mask.and(Range.signedMax(bits));
    return mask.shiftRight(bits - 1).signum() != 0 ? low.setBit(bits - 1) : low;
  }

  /**
   * The {@code k} such that a value of {@code values} in {@code kind} with the bits of {@code mask}
   * clear is in {@code 0..2^k-1}; -1 when the mask proves no such bound beyond what is known.
   */
  private static int clearFrom(BigInteger mask, Range values, JavaKind kind) {
    int top = values.lo().signum() < 0 ? kind.bits() - 1 : values.hi().bitLength() - 1;
    int k = top + 1;
    while (k > 0 && mask.testBit(k - 1)) {
      k--;
    }
    return k <= top ? k : -1;
  }

  /**
   * What is known here of the value an access path reads: its tracked fact, else the declared fact
   * of the variable or field the expression names; null when it carries none.
   */
  @Nullable Fact knownFact(State state, AccessPath operand, TreePath operandPath) {
    if (state.tracks(operand)) {
      return state.fact(operand);
    }
    Element element = parts.context.elementOf(AccessPaths.skipParentheses(operandPath));
    return element == null ? null : parts.declarations.readFact(element);
  }

  /**
   * The fact of a tracked operand read in a condition: its tracked fact, else its declared one; a
   * plain value is its Java type's range in strict mode; null when nothing is known.
   */
  @Nullable Fact operandFact(State state, AccessPath operand, TreePath operandPath, JavaKind kind) {
    Fact value = knownFact(state, operand, operandPath);
    Element element = parts.context.elementOf(AccessPaths.skipParentheses(operandPath));
    if (value == null && (state.tracks(operand) || element != null)) {
      // a parameter named as its evaluation names it ("parameter 'n' of plain"), others as written
      value =
          parts.values.plain(
              kind,
              () ->
                  element != null && element.getKind() == ElementKind.PARAMETER
                      ? parts.declarations.describe(element)
                      : parts.context.text(AccessPaths.skipParentheses(operandPath).getLeaf()));
    }
    return value;
  }

  /** The JDK's unsigned conversions by owner: the type whose bits they read. */
  private static final java.util.Map<String, JavaKind> UNSIGNED_VIEWS =
      java.util.Map.of(
          "java.lang.Integer", JavaKind.INT,
          "java.lang.Short", JavaKind.SHORT,
          "java.lang.Byte", JavaKind.BYTE);

  /**
   * {@code Integer.compareUnsigned(x, y) op 0} (or {@code Long.}) is {@code x op y} on the unsigned
   * values: the way to range-check raw bits ({@code u32} in an {@code int}). {@code
   * Integer.compare(x, y) op 0} (or {@code Long.}, {@code Short.}, {@code Byte.}, {@code
   * Character.}) is {@code x op y} on the Java values.
   */
  private @Nullable Branches compareCall(
      TreePath callPath, MethodInvocationTree call, Tree.Kind operator) {
    if (!(parts.context.elementOf(callPath) instanceof ExecutableElement method)
        || call.getArguments().size() != 2
        || !(method.getEnclosingElement() instanceof TypeElement owner)) {
      return null;
    }
    boolean unsigned = method.getSimpleName().contentEquals("compareUnsigned");
    String type = owner.getQualifiedName().toString();
    int bits =
        unsigned
            ? type.equals("java.lang.Integer") ? 32 : type.equals("java.lang.Long") ? 64 : 0
            : method.getSimpleName().contentEquals("compare") && SIGNED_COMPARES.contains(type)
                ? 64
                : 0;
    if (bits == 0) {
      return null;
    }
    TreePath xPath = new TreePath(callPath, call.getArguments().get(0));
    TreePath yPath = new TreePath(callPath, call.getArguments().get(1));
    Fact xValue = parts.expressions.evaluate(xPath);
    Fact yValue = parts.expressions.evaluate(yPath);
    Fact x = unsigned ? unsignedOperand(comparand(xPath, xValue), bits) : comparand(xPath, xValue);
    Fact y = unsigned ? unsignedOperand(comparand(yPath, yValue), bits) : comparand(yPath, yValue);
    if (!parts.frame.reachable() || x == null || y == null) {
      return null;
    }
    Refinement.Outcomes outcomes =
        unsigned
            ? Refinement.outcomes(operator, x.range(), y.range())
            : Refinement.outcomes(operator, x.javaRange(), y.javaRange());
    AccessPath xAccess = xValue == null ? null : parts.paths.of(xPath);
    AccessPath yAccess = yValue == null ? null : parts.paths.of(yPath);
    State whenTrue =
        Refinement.apply(parts.frame.state.copy(), outcomes.whenTrue(), xAccess, x, yAccess, y);
    State whenFalse =
        Refinement.apply(parts.frame.state.copy(), outcomes.whenFalse(), xAccess, x, yAccess, y);
    if (unsigned) {
      for (State outcome : List.of(whenTrue, whenFalse)) {
        restoreRaw(outcome, xAccess, xValue);
        restoreRaw(outcome, yAccess, yValue);
      }
    }
    return new Branches(whenTrue, whenFalse);
  }

  /**
   * An operand's value for a comparison: its fact; for an array's length with none (a plain value
   * in lenient mode), 0..0x7FFFFFFF, which still bounds what it is compared with ({@code if (off >=
   * f.length) return ...;} leaves {@code off} below 0x7FFFFFFF).
   */
  private @Nullable Fact comparand(TreePath operand, @Nullable Fact value) {
    return value != null ? value : parts.values.arrayLength(AccessPaths.skipParentheses(operand));
  }

  /** The owners of the JDK's signed {@code compare(x, y)}, whose sign is that of {@code x - y}. */
  private static final java.util.Set<String> SIGNED_COMPARES =
      java.util.Set.of(
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Short",
          "java.lang.Byte",
          "java.lang.Character");

  /** Gives a refined path back the raw-bits representation its value had. */
  private static void restoreRaw(State state, @Nullable AccessPath path, @Nullable Fact original) {
    if (!state.reachable()
        || path == null
        || original == null
        || original.raw() == null
        || !state.tracks(path)) {
      return;
    }
    Fact refined = state.fact(path);
    if (refined != null) {
      state.put(
          path,
          new Fact(
                  refined.range(),
                  original.raw(),
                  refined.origin(),
                  refined.signExtended(),
                  refined.fromAbi() || original.fromAbi())
              .partialIf(refined.partial() || original.partial()));
    }
  }

  /**
   * A fact whose Java values (as {@link Fact#javaRange()} sees them) are its unsigned values, so
   * that {@link Refinement} can narrow it by unsigned bounds: raw bits as plain unsigned values, a
   * non-negative plain value as is; null for a value that may be negative.
   */
  private static @Nullable Fact unsignedOperand(@Nullable Fact value, int bits) {
    if (value == null) {
      return null;
    }
    if (value.raw() != null && value.raw().bits() == bits) {
      return new Fact(value.range(), null, value.origin(), value.signExtended(), value.fromAbi())
          .partialIf(value.partial());
    }
    return value.range().nonNegative() ? value : null;
  }

  /** Remembers which of two compared paths is at most the other, for {@code a - b} later. */
  private static void relate(
      Tree.Kind operator, State whenTrue, State whenFalse, AccessPath a, AccessPath b) {
    switch (operator) {
      case LESS_THAN, LESS_THAN_EQUAL -> {
        atMost(whenTrue, a, b);
        atMost(whenFalse, b, a);
      }
      case GREATER_THAN, GREATER_THAN_EQUAL -> {
        atMost(whenTrue, b, a);
        atMost(whenFalse, a, b);
      }
      case EQUAL_TO -> {
        atMost(whenTrue, a, b);
        atMost(whenTrue, b, a);
      }
      default -> {
        atMost(whenFalse, a, b);
        atMost(whenFalse, b, a);
      }
    }
  }

  private static void atMost(State state, AccessPath a, AccessPath b) {
    if (state.reachable()) {
      state.atMost(a, b);
    }
  }
}
