package org.abiguard.processor.guard.facts;

import java.math.BigInteger;
import java.util.Objects;
import org.abiguard.processor.model.JavaKind;
import org.jspecify.annotations.Nullable;

/**
 * What Java's conversions, operators and {@code Math} methods do to a floating-point fact. Each
 * bound is computed with Java's own arithmetic of the type (IEEE 754, rounded to nearest), which is
 * monotone: the results of an operation over two intervals lie between its results at their
 * corners. An operation that can meet an undefined case ({@code 0.0 / 0.0}, {@code inf - inf},
 * {@code 0.0 * inf}) may give NaN, and then any value.
 */
public final class Floats {
  private Floats() {}

  /**
   * {@code fact}, a value of integral type {@code from} or of a floating-point type, as a value of
   * type {@code to}: Java rounds to nearest, so the bounds round alike.
   */
  public static @Nullable Fact convert(@Nullable Fact fact, @Nullable JavaKind from, Floating to) {
    if (fact == null || fact.floating() == to) {
      return fact;
    }
    Fact converted =
        fact.floating() == null
            ? fromInteger(fact, from, to)
            : Fact.ofFloating(
                to.range(to.round(lo(fact)), to.round(hi(fact))),
                to,
                fact.nan(),
                fact.origin(),
                fact.fromAbi());
    return converted.partialIf(fact.partial());
  }

  private static Fact fromInteger(Fact fact, @Nullable JavaKind from, Floating to) {
    Range java = fact.javaRange();
    if (from != null && !Range.of(from).contains(java)) {
      // values from before a cast that does not launder them: the Java value is any of its type
      java = Range.of(from);
    }
    return Fact.ofFloating(
        to.range(to.round(java.lo()), to.round(java.hi())),
        to,
        false,
        fact.origin(),
        fact.fromAbi());
  }

  /**
   * The values of {@code type} that a floating-point fact leaves, for a variable of {@code type}
   * narrowed in a wider type (a {@code float} compared as a {@code double}): its bounds rounded
   * inward; null when no value of {@code type} is left.
   */
  public static @Nullable Fact within(Fact fact, Floating type) {
    if (fact.floating() == type || type == Floating.DOUBLE) {
      return convert(fact, null, type);
    }
    double lo = lo(fact);
    double hi = hi(fact);
    double innerLo = type.round(lo) < lo ? Math.nextUp((float) lo) : type.round(lo);
    double innerHi = type.round(hi) > hi ? Math.nextDown((float) hi) : type.round(hi);
    if (innerLo > innerHi) {
      return null;
    }
    return Fact.ofFloating(
        type.range(innerLo, innerHi), type, fact.nan(), fact.origin(), fact.fromAbi());
  }

  /**
   * Java's conversion of a floating-point fact to integral type {@code to} (JLS 5.1.3): toward
   * zero, saturating at the bounds of {@code int} or {@code long}, NaN to 0; to {@code byte},
   * {@code short} and {@code char} through {@code int}.
   */
  public static Fact toInteger(Fact fact, JavaKind to) {
    double lo = lo(fact);
    double hi = hi(fact);
    JavaKind via = to == JavaKind.LONG ? JavaKind.LONG : JavaKind.INT;
    Range values =
        via == JavaKind.LONG ? Range.of((long) lo, (long) hi) : Range.of((int) lo, (int) hi);
    if (fact.nan()) {
      values = values.hull(Range.point(BigInteger.ZERO));
    }
    Fact integral = Fact.in(values, via, fact.origin(), null, fact.fromAbi());
    return Objects.requireNonNull(Arith.convert(integral, via, to), "a fact converts to a fact")
        .partialIf(fact.partial());
  }

  /** Every value of {@code type}, NaN included. */
  public static Fact whole(Floating type, CharSequence origin, boolean fromAbi) {
    return Fact.ofFloating(type.whole(), type, true, origin, fromAbi);
  }

  /** The single value {@code value} of {@code type}. */
  public static Fact constant(double value, Floating type, CharSequence origin) {
    if (Double.isNaN(value)) {
      // no value but NaN; a range cannot be empty, and 0 is what NaN becomes as an integer
      return Fact.ofFloating(Range.point(BigInteger.ZERO), type, true, origin, false);
    }
    BigInteger ordinal = type.ordinalOf(type.round(value));
    return Fact.ofFloating(Range.point(ordinal), type, false, origin, false);
  }

  /**
   * {@code a op b} for {@code op} one of {@code + - * / %} in {@code type} (convert integral
   * operands first: only their Java type says how); null when either is not known.
   */
  public static @Nullable Fact arithmetic(
      char op, @Nullable Fact a, @Nullable Fact b, Floating type, CharSequence origin) {
    if (a == null || b == null) {
      return null;
    }
    a = inType(a, type);
    b = inType(b, type);
    boolean abi = a.fromAbi() || b.fromAbi();
    boolean nan = a.nan() || b.nan();
    double xl = lo(a);
    double xh = hi(a);
    double yl = lo(b);
    double yh = hi(b);
    if (undefined(op, a, b)) {
      return whole(type, origin, abi);
    }
    double[] corners;
    switch (op) {
      case '+' -> corners = new double[] {apply(op, xl, yl, type), apply(op, xh, yh, type)};
      case '-' -> corners = new double[] {apply(op, xl, yh, type), apply(op, xh, yl, type)};
      case '*', '/' -> {
        if (op == '/' && b.range().contains(BigInteger.ZERO)) {
          return whole(type, origin, abi);
        }
        corners =
            new double[] {
              apply(op, xl, yl, type),
              apply(op, xl, yh, type),
              apply(op, xh, yl, type),
              apply(op, xh, yh, type)
            };
      }
      case '%' -> {
        return remainder(a, b, type, origin, abi);
      }
      default -> throw new IllegalArgumentException("not an arithmetic operator: " + op);
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double corner : corners) {
      if (Double.isNaN(corner)) {
        return whole(type, origin, abi);
      }
      lo = Math.min(lo, corner);
      hi = Math.max(hi, corner);
    }
    return Fact.ofFloating(type.range(lo, hi), type, nan, origin, abi);
  }

  /**
   * Whether {@code a op b} can meet an undefined case inside the operands' intervals, where the
   * corners do not show it: {@code inf - inf} for {@code +} and {@code -}, {@code 0 * inf}.
   */
  private static boolean undefined(char op, Fact a, Fact b) {
    return switch (op) {
      case '+' ->
          (hi(a) == Double.POSITIVE_INFINITY && lo(b) == Double.NEGATIVE_INFINITY)
              || (lo(a) == Double.NEGATIVE_INFINITY && hi(b) == Double.POSITIVE_INFINITY);
      case '-' ->
          (hi(a) == Double.POSITIVE_INFINITY && hi(b) == Double.POSITIVE_INFINITY)
              || (lo(a) == Double.NEGATIVE_INFINITY && lo(b) == Double.NEGATIVE_INFINITY);
      case '*' ->
          (a.range().contains(BigInteger.ZERO) && infinite(b))
              || (b.range().contains(BigInteger.ZERO) && infinite(a));
      default -> false;
    };
  }

  private static boolean infinite(Fact f) {
    return Double.isInfinite(lo(f)) || Double.isInfinite(hi(f));
  }

  private static double apply(char op, double x, double y, Floating type) {
    if (type == Floating.FLOAT) {
      float fx = (float) x;
      float fy = (float) y;
      return switch (op) {
        case '+' -> fx + fy;
        case '-' -> fx - fy;
        case '*' -> fx * fy;
        default -> fx / fy;
      };
    }
    return switch (op) {
      case '+' -> x + y;
      case '-' -> x - y;
      case '*' -> x * y;
      default -> x / y;
    };
  }

  /**
   * {@code a % b}: the sign of the dividend, no larger than it nor than the divisor in magnitude;
   * NaN when the divisor may be zero or the dividend infinite.
   */
  private static Fact remainder(Fact a, Fact b, Floating type, CharSequence origin, boolean abi) {
    double xl = lo(a);
    double xh = hi(a);
    double largest = Math.max(Math.abs(lo(b)), Math.abs(hi(b)));
    double lo = xl < 0 ? Math.max(xl, -largest) : 0.0;
    double hi = xh > 0 ? Math.min(xh, largest) : 0.0;
    boolean nan =
        a.nan()
            || b.nan()
            || b.range().contains(BigInteger.ZERO)
            || Double.isInfinite(xl)
            || Double.isInfinite(xh);
    return Fact.ofFloating(type.range(lo, hi), type, nan, origin, abi);
  }

  /** {@code -a}. */
  public static @Nullable Fact negate(@Nullable Fact a, CharSequence origin) {
    return a == null ? null : a.withRange(a.range().negate()).withOrigin(origin);
  }

  /** {@code Math.abs(a)}, named after {@code a}. */
  public static @Nullable Fact abs(@Nullable Fact a) {
    if (a == null) {
      return null;
    }
    Range r = a.range();
    Range result =
        r.nonNegative()
            ? r
            : r.hi().signum() <= 0
                ? r.negate()
                : new Range(BigInteger.ZERO, r.hi().max(r.lo().negate()));
    return a.withRange(result);
  }

  /** {@code Math.min} or {@code Math.max} of two values of {@code type}; NaN if either is. */
  public static @Nullable Fact minMax(
      boolean min, @Nullable Fact a, @Nullable Fact b, Floating type, CharSequence origin) {
    if (a == null || b == null) {
      return null;
    }
    a = inType(a, type);
    b = inType(b, type);
    // the ordinals are in the order of the values, so the integral rule holds for them
    Fact ordinals = Objects.requireNonNull(Arith.minMax(min, a, b, origin), "both are known");
    return Fact.ofFloating(
        ordinals.range(), type, a.nan() || b.nan(), ordinals.origin(), ordinals.fromAbi());
  }

  /**
   * {@code Math.floor}, {@code Math.ceil} or {@code Math.rint} of a {@code double}, named after it.
   */
  public static @Nullable Fact toIntegral(String method, @Nullable Fact a) {
    if (a == null) {
      return null;
    }
    a = inType(a, Floating.DOUBLE);
    double lo = lo(a);
    double hi = hi(a);
    Range result =
        switch (method) {
          case "floor" -> Floating.DOUBLE.range(Math.floor(lo), Math.floor(hi));
          case "ceil" -> Floating.DOUBLE.range(Math.ceil(lo), Math.ceil(hi));
          default -> Floating.DOUBLE.range(Math.rint(lo), Math.rint(hi));
        };
    return a.withRange(result);
  }

  /**
   * {@code Math.round}: of a {@code float} an {@code int}, of a {@code double} a {@code long},
   * saturating, NaN to 0; named after {@code a}.
   */
  public static @Nullable Fact round(@Nullable Fact a) {
    if (a == null) {
      return null;
    }
    Floating type = Objects.requireNonNull(a.floating(), "a floating-point fact");
    double lo = lo(a);
    double hi = hi(a);
    Range values =
        type == Floating.FLOAT
            ? Range.of(Math.round((float) lo), Math.round((float) hi))
            : Range.of(Math.round(lo), Math.round(hi));
    if (a.nan()) {
      values = values.hull(Range.point(BigInteger.ZERO));
    }
    return Fact.plain(values, a.origin()).withAbi(a.fromAbi());
  }

  /**
   * The fact of a value that is either {@code a} or {@code b}, at least one of them floating-point:
   * both in the wider type, then the hull.
   */
  static Fact join(Fact a, Fact b) {
    Floating type =
        a.floating() == Floating.DOUBLE || b.floating() == Floating.DOUBLE
            ? Floating.DOUBLE
            : Floating.FLOAT;
    Fact x = Objects.requireNonNull(convert(a, null, type));
    Fact y = Objects.requireNonNull(convert(b, null, type));
    return Fact.ofFloating(
        x.range().hull(y.range()),
        type,
        x.nan() || y.nan(),
        Fact.wider(x, y).origin(),
        x.fromAbi() || y.fromAbi());
  }

  /** The smallest value of a floating-point fact (NaN aside). */
  public static double lo(Fact fact) {
    return Objects.requireNonNull(fact.floating(), "a floating-point fact")
        .value(fact.range().lo());
  }

  /** The largest value of a floating-point fact (NaN aside). */
  public static double hi(Fact fact) {
    return Objects.requireNonNull(fact.floating(), "a floating-point fact")
        .value(fact.range().hi());
  }

  /** {@code fact} in {@code type}: converted, should a caller pass an integer or the other type. */
  private static Fact inType(Fact fact, Floating type) {
    return Objects.requireNonNull(convert(fact, null, type), "a fact converts to a fact");
  }
}
