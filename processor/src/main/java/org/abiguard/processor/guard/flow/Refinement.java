package org.abiguard.processor.guard.flow;

import com.sun.source.tree.Tree;
import java.math.BigInteger;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.guard.facts.Range;

/**
 * What a comparison proves about its operands: for {@code x op y} on Java values, the ranges
 * left for each side when it holds and when it does not. A check between two variables
 * ({@code used <= free}) bounds each by the other's range; the relation itself is kept by
 * {@link State#atMost} so that {@code free - used} is known not to be negative.
 */
final class Refinement {
  private Refinement() {}

  /** {@code {{x, y} when true, {x, y} when false}}; a null range is an impossible outcome. */
  static Range[][] outcomes(Tree.Kind op, Range x, Range y) {
    return switch (op) {
      case LESS_THAN -> new Range[][] {less(x, y, 1), swap(less(y, x, 0))};
      case LESS_THAN_EQUAL -> new Range[][] {less(x, y, 0), swap(less(y, x, 1))};
      case GREATER_THAN -> new Range[][] {swap(less(y, x, 1)), less(x, y, 0)};
      case GREATER_THAN_EQUAL -> new Range[][] {swap(less(y, x, 0)), less(x, y, 1)};
      case EQUAL_TO -> new Range[][] {equal(x, y), notEqual(x, y)};
      default -> new Range[][] {notEqual(x, y), equal(x, y)};
    };
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

  static State apply(State s, AccessPath pa, Fact a, Range ra, AccessPath pb, Fact b, Range rb) {
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
}
