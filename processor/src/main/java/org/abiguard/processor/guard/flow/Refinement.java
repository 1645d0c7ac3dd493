package org.abiguard.processor.guard.flow;

import com.sun.source.tree.Tree;
import java.math.BigInteger;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.guard.facts.Range;
import org.jspecify.annotations.Nullable;

/**
 * What a comparison proves about its operands: for {@code x op y} on Java values, the ranges left
 * for each side when it holds and when it does not. A check between two variables ({@code used <=
 * free}) bounds each by the other's range; the relation itself is kept by {@link State#atMost} so
 * that {@code free - used} is known not to be negative.
 */
final class Refinement {
  private Refinement() {}

  /**
   * The values left for the two operands of a comparison in one outcome; null for an operand no
   * value is left for, which makes the outcome impossible.
   */
  record Operands(@Nullable Range left, @Nullable Range right) {
    Operands swapped() {
      return new Operands(right, left);
    }
  }

  /** The operands' values when the comparison holds and when it does not. */
  record Outcomes(Operands whenTrue, Operands whenFalse) {}

  static Outcomes outcomes(Tree.Kind operator, Range x, Range y) {
    return switch (operator) {
      case LESS_THAN -> new Outcomes(less(x, y, 1), less(y, x, 0).swapped());
      case LESS_THAN_EQUAL -> new Outcomes(less(x, y, 0), less(y, x, 1).swapped());
      case GREATER_THAN -> new Outcomes(less(y, x, 1).swapped(), less(x, y, 0));
      case GREATER_THAN_EQUAL -> new Outcomes(less(y, x, 0).swapped(), less(x, y, 1));
      case EQUAL_TO -> new Outcomes(equal(x, y), notEqual(x, y));
      default -> new Outcomes(notEqual(x, y), equal(x, y));
    };
  }

  /** {@code x < y} (strict = 1) or {@code x <= y} (strict = 0): the ranges left for each. */
  private static Operands less(Range x, Range y, int strict) {
    BigInteger step = BigInteger.valueOf(strict);
    return new Operands(
        Range.orNull(x.lo(), x.hi().min(y.hi().subtract(step))),
        Range.orNull(y.lo().max(x.lo().add(step)), y.hi()));
  }

  private static Operands equal(Range x, Range y) {
    Range both = x.intersect(y);
    return new Operands(both, both);
  }

  private static Operands notEqual(Range x, Range y) {
    return new Operands(without(x, y), without(y, x));
  }

  private static @Nullable Range without(Range x, Range point) {
    if (!point.isPoint()) {
      return x;
    }
    BigInteger value = point.lo();
    if (x.isPoint() && x.lo().equals(value)) {
      return null;
    }
    if (x.lo().equals(value)) {
      return new Range(value.add(BigInteger.ONE), x.hi());
    }
    if (x.hi().equals(value)) {
      return new Range(x.lo(), value.subtract(BigInteger.ONE));
    }
    return x;
  }

  /**
   * Narrows the tracked operands of {@code state} (a copy the caller owns) to the values one
   * outcome leaves them; {@link State#UNREACHABLE} when the outcome is impossible. An operand that
   * may also be a plain value ({@link Fact#partial()}) may take any outcome: then the outcome stays
   * possible, and the other operand is not narrowed by it.
   */
  static State apply(
      State state,
      Operands ranges,
      @Nullable AccessPath leftPath,
      Fact left,
      @Nullable AccessPath rightPath,
      Fact right) {
    Range leftRange = ranges.left();
    Range rightRange = ranges.right();
    boolean plain = left.partial() || right.partial();
    if (leftRange == null || rightRange == null) {
      return plain ? state : State.UNREACHABLE;
    }
    if (leftPath != null && !right.partial()) {
      Fact narrowed = left.restrictJava(leftRange);
      if (narrowed == null && !plain) {
        return State.UNREACHABLE;
      }
      if (narrowed != null) {
        state.put(leftPath, narrowed);
      }
    }
    if (rightPath != null && !left.partial()) {
      Fact narrowed = right.restrictJava(rightRange);
      if (narrowed == null && !plain) {
        return State.UNREACHABLE;
      }
      if (narrowed != null) {
        state.put(rightPath, narrowed);
      }
    }
    return state;
  }
}
