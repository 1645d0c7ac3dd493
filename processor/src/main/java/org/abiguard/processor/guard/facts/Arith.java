package org.abiguard.processor.guard.facts;

import java.math.BigInteger;
import java.util.Objects;
import org.abiguard.processor.model.JavaKind;
import org.abiguard.processor.model.Width;
import org.jspecify.annotations.Nullable;

/**
 * Transfer functions: what Java's conversions and integer operators do to facts. Each takes facts
 * already converted to the operation's Java type (binary numeric promotion) and returns the fact of
 * the result, or null where nothing useful is known (a lenient "no fact").
 */
public final class Arith {
  private Arith() {}

  /**
   * Java's conversion of a value from one integral type to another (widening or a cast), or of a
   * floating-point value to an integral type ({@link Floats#toInteger}).
   */
  public static @Nullable Fact convert(
      @Nullable Fact fact, @Nullable JavaKind from, @Nullable JavaKind to) {
    if (fact == null || to == null) {
      return fact;
    }
    return convertKnown(fact, from, to).partialIf(fact.partial());
  }

  private static Fact convertKnown(Fact fact, @Nullable JavaKind from, JavaKind to) {
    if (fact.floating() != null) {
      return Floats.toInteger(fact, to);
    }
    if (from == to) {
      return fact;
    }
    if (fact.raw() != null && to.bits() > fact.raw().bits()) {
      // widening raw bits: Java sign-extends the upper half into negative values
      BigInteger half = BigInteger.ONE.shiftLeft(fact.raw().bits() - 1);
      if (fact.range().hi().compareTo(half) < 0) {
        return Fact.in(fact.range(), to, fact.origin(), fact.signExtended(), fact.fromAbi())
            .truncatedIf(fact.truncated());
      }
      Fact widened = Fact.in(fact.javaRange(), to, fact.origin(), fact.raw(), fact.fromAbi());
      // a truncated value keeps the values from before its cast as well: widening restores none
      return fact.truncated()
          ? widened.withRange(widened.range().hull(fact.range())).truncatedIf(true)
          : widened;
    }
    return Fact.in(fact.range(), to, fact.origin(), fact.signExtended(), fact.fromAbi())
        .truncatedIf(fact.truncated());
  }

  /** The values of the Java bits of {@code fact} read as an unsigned {@code bits}-bit number. */
  public static Range unsignedView(Fact fact, int bits) {
    if (fact.raw() != null && fact.raw().bits() == bits) {
      return fact.range();
    }
    Range java = fact.javaRange();
    if (java.nonNegative()) {
      return java;
    }
    BigInteger full = BigInteger.ONE.shiftLeft(bits);
    if (java.hi().signum() < 0) {
      return new Range(java.lo().add(full), java.hi().add(full));
    }
    return Range.unsigned(bits);
  }

  /**
   * A result range in Java type {@code kind}: kept when Java can hold it, otherwise it wraps. In a
   * raw context (an operand holds raw unsigned bits of {@code kind}'s size) the unsigned view is
   * kept, since {@code + - *} wrap alike for signed and unsigned bits. So is a result whose values
   * are all from 0 to the unsigned maximum of {@code kind}'s size ({@code (edx << 32) | eax} of two
   * {@code u32}s in {@code long}s): Java's bits are then exactly those values, raw bits that a sink
   * of that unsigned width holds as they are, and that Java's signed operations see as negative.
   */
  public static Fact normalize(
      Range result, JavaKind kind, boolean rawContext, CharSequence origin) {
    if (Range.of(kind).contains(result)) {
      return Fact.plain(result, origin);
    }
    Range unsigned = Range.unsigned(kind.bits());
    if (unsigned.contains(result)) {
      return new Fact(result, new Width(kind.bits(), false), origin, null, false);
    }
    return rawContext
        ? new Fact(unsigned, new Width(kind.bits(), false), origin, null, false)
        : Fact.plain(Range.of(kind), origin);
  }

  /**
   * A literal written as every bit of the type: {@code 0xFFFFFFFF}, {@code 0xFFFFFFFFFFFFFFFFL}.
   */
  private static boolean allOnes(@Nullable Fact fact, JavaKind kind) {
    return fact != null
        && (kind == JavaKind.INT || kind == JavaKind.LONG)
        && isRaw(fact, kind)
        && fact.range().isPoint()
        && fact.range().lo().equals(Range.unsignedMax(kind.bits()));
  }

  private static boolean isRaw(Fact fact, JavaKind kind) {
    return fact.raw() != null && fact.raw().bits() == kind.bits();
  }

  /** {@code a + b}, {@code a - b}, {@code a * b}. */
  public static @Nullable Fact additive(
      char op, @Nullable Fact a, @Nullable Fact b, JavaKind kind, CharSequence origin) {
    if (a == null || b == null) {
      return null;
    }
    boolean raw = isRaw(a, kind) || isRaw(b, kind);
    Range x = raw ? unsignedOrJava(a, kind) : a.javaRange();
    Range y = raw ? unsignedOrJava(b, kind) : b.javaRange();
    Range result =
        switch (op) {
          case '+' -> x.add(y);
          case '-' -> x.subtract(y);
          default -> x.multiply(y);
        };
    return normalize(result, kind, raw, origin);
  }

  private static Range unsignedOrJava(Fact fact, JavaKind kind) {
    return isRaw(fact, kind) ? fact.range() : fact.javaRange();
  }

  /** {@code a / b} (Java's truncating signed division). */
  public static @Nullable Fact divide(
      @Nullable Fact a, @Nullable Fact b, JavaKind kind, CharSequence origin) {
    if (a == null) {
      return null;
    }
    Range x = a.javaRange();
    if (b == null) {
      BigInteger largest = x.lo().abs().max(x.hi().abs());
      return normalize(new Range(largest.negate(), largest), kind, false, origin);
    }
    Range y = b.javaRange();
    Range result = null;
    Range negative = Range.orNull(y.lo(), y.hi().min(BigInteger.ONE.negate()));
    Range positive = Range.orNull(y.lo().max(BigInteger.ONE), y.hi());
    for (Range divisors : new Range[] {negative, positive}) {
      if (divisors != null) {
        Range quotients = corners(x, divisors);
        result = result == null ? quotients : result.hull(quotients);
      }
    }
    return result == null ? null : normalize(result, kind, false, origin);
  }

  private static Range corners(Range x, Range divisors) {
    BigInteger a = x.lo().divide(divisors.lo());
    BigInteger b = x.lo().divide(divisors.hi());
    BigInteger c = x.hi().divide(divisors.lo());
    BigInteger e = x.hi().divide(divisors.hi());
    return new Range(a.min(b).min(c).min(e), a.max(b).max(c).max(e));
  }

  /** {@code a % b}: the sign of the dividend, smaller in magnitude than the divisor. */
  public static @Nullable Fact remainder(
      @Nullable Fact a, @Nullable Fact b, JavaKind kind, CharSequence origin) {
    if (a == null) {
      return null;
    }
    Range x = a.javaRange();
    BigInteger largest;
    if (b == null) {
      largest = x.lo().abs().max(x.hi().abs());
    } else {
      Range y = b.javaRange();
      largest = y.lo().abs().max(y.hi().abs()).subtract(BigInteger.ONE);
      if (largest.signum() < 0) {
        return null;
      }
    }
    BigInteger lo = x.lo().signum() >= 0 ? BigInteger.ZERO : x.lo().max(largest.negate());
    BigInteger hi = x.hi().signum() <= 0 ? BigInteger.ZERO : x.hi().min(largest);
    return normalize(new Range(lo, hi), kind, false, origin);
  }

  /** {@code a & b}: a non-negative side bounds the result. */
  public static @Nullable Fact and(
      @Nullable Fact a, @Nullable Fact b, JavaKind kind, CharSequence origin) {
    Fact exact = bitwiseOfValues(a, b, BigInteger::and, origin);
    if (exact != null) {
      return exact; // FEATURES & F_COMPAT16 of two constants is one value
    }
    // x & 0xFFFFFFFF of an int (0xFFFFFFFFFFFFFFFFL of a long) keeps every bit: it says that x
    // holds an unsigned value's bits (read from memory, say), which are its unsigned values
    if (a != null && allOnes(b, kind)) {
      return normalize(unsignedView(a, kind.bits()), kind, true, origin).from(a);
    }
    if (b != null && allOnes(a, kind)) {
      return normalize(unsignedView(b, kind.bits()), kind, true, origin).from(b);
    }
    if (a != null && b != null && isRaw(a, kind) && isRaw(b, kind)) {
      return normalize(
          new Range(BigInteger.ZERO, a.range().hi().min(b.range().hi())), kind, true, origin);
    }
    Range x = a == null ? null : a.javaRange();
    Range y = b == null ? null : b.javaRange();
    if (x != null && x.nonNegative() && y != null && y.nonNegative()) {
      return Fact.plain(new Range(BigInteger.ZERO, x.hi().min(y.hi())), origin);
    }
    if (x != null && x.nonNegative()) {
      return Fact.plain(new Range(BigInteger.ZERO, x.hi()), origin);
    }
    if (y != null && y.nonNegative()) {
      return Fact.plain(new Range(BigInteger.ZERO, y.hi()), origin);
    }
    return a == null || b == null ? null : Fact.plain(Range.of(kind), origin);
  }

  /**
   * A bitwise operation of two values each known exactly ({@code FEATURES & F_COMPAT16} of two
   * constants, or of a value a check left one value): that one value, as Java computes it (a {@link
   * BigInteger}'s bitwise operations are those of two's complement, whatever the width); null when
   * either operand is not one plain Java value.
   */
  private static @Nullable Fact bitwiseOfValues(
      @Nullable Fact a,
      @Nullable Fact b,
      java.util.function.BinaryOperator<BigInteger> op,
      CharSequence origin) {
    if (a == null || b == null || !oneValue(a) || !oneValue(b)) {
      return null;
    }
    return Fact.plain(Range.point(op.apply(a.range().lo(), b.range().lo())), origin);
  }

  /** Whether a fact is one Java value and nothing else. */
  private static boolean oneValue(Fact fact) {
    return fact.range().isPoint()
        && fact.raw() == null
        && fact.floating() == null
        && !fact.partial()
        && !fact.truncated();
  }

  /** {@code a | b} and {@code a ^ b}. */
  public static @Nullable Fact orXor(
      boolean or, @Nullable Fact a, @Nullable Fact b, JavaKind kind, CharSequence origin) {
    if (a == null || b == null) {
      return null;
    }
    Fact exact = bitwiseOfValues(a, b, or ? BigInteger::or : BigInteger::xor, origin);
    if (exact != null) {
      return exact;
    }
    // raw bits take part as their unsigned values; a value that is not raw bits, as its Java value
    boolean raw = isRaw(a, kind) || isRaw(b, kind);
    Range x = unsignedOrJava(a, kind);
    Range y = unsignedOrJava(b, kind);
    if (x.nonNegative() && y.nonNegative()) {
      int bits = x.hi().max(y.hi()).bitLength();
      BigInteger hi = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
      BigInteger lo = or ? x.lo().max(y.lo()) : BigInteger.ZERO;
      return normalize(new Range(lo, hi), kind, raw, origin);
    }
    return Fact.plain(Range.of(kind), origin);
  }

  /**
   * A shift by a distance in a range (checked beforehand, {@code 1L << order} after {@code order <=
   * 18}): the hull of the shifts by the bounds, and by the distance after the lower bound (a {@code
   * >>>} of a negative value by 0 and by 1 differ in sign); {@code distances} null or outside
   * {@code 0..bits-1} (where Java masks the distance) is a distance not known.
   */
  public static @Nullable Fact shiftBy(
      String op, @Nullable Fact a, @Nullable Range distances, JavaKind kind, CharSequence origin) {
    if (distances == null
        || distances.lo().signum() < 0
        || distances.hi().compareTo(BigInteger.valueOf(kind.bits() - 1)) > 0) {
      Integer distance =
          distances != null && distances.isPoint() ? (Integer) distances.lo().intValue() : null;
      return shift(op, a, distance, kind, origin);
    }
    int lo = distances.lo().intValue();
    int hi = distances.hi().intValue();
    Fact hull = null;
    for (int distance : new int[] {lo, Math.min(lo + 1, hi), hi}) {
      Fact shifted = shift(op, a, distance, kind, origin);
      if (shifted == null) {
        return null;
      }
      hull =
          hull == null
              ? shifted
              : Objects.requireNonNull(Fact.join(hull, shifted), "the join of two facts is a fact")
                  .withOrigin(origin);
    }
    return hull;
  }

  /**
   * {@code a << distance}, {@code a >> distance}, {@code a >>> distance}; {@code distance} null
   * when not known.
   */
  public static @Nullable Fact shift(
      String op, @Nullable Fact a, @Nullable Integer distance, JavaKind kind, CharSequence origin) {
    if (a == null) {
      return null;
    }
    Integer masked = distance == null ? null : distance & (kind.bits() - 1);
    switch (op) {
      case "<<" -> {
        if (masked == null) {
          return Fact.plain(Range.of(kind), origin);
        }
        boolean raw = isRaw(a, kind);
        Range x = raw ? a.range() : a.javaRange();
        return normalize(x.shiftLeft(masked), kind, raw, origin);
      }
      case ">>" -> {
        Range x = a.javaRange();
        if (masked == null) {
          return normalize(
              new Range(x.lo().min(BigInteger.ZERO), x.hi().max(BigInteger.ZERO)),
              kind,
              false,
              origin);
        }
        return normalize(x.shiftRight(masked), kind, false, origin);
      }
      default -> {
        Range unsigned = unsignedView(a, kind.bits());
        if (masked == null) {
          return normalize(new Range(BigInteger.ZERO, unsigned.hi()), kind, true, origin);
        }
        if (masked == 0) {
          return a;
        }
        return normalize(unsigned.shiftRight(masked), kind, true, origin);
      }
    }
  }

  /** {@code -a}. */
  public static @Nullable Fact negate(@Nullable Fact a, JavaKind kind, CharSequence origin) {
    return a == null ? null : normalize(a.javaRange().negate(), kind, false, origin);
  }

  /** {@code ~a}, which is {@code -a - 1}. */
  public static @Nullable Fact complement(@Nullable Fact a, JavaKind kind, CharSequence origin) {
    if (a == null) {
      return null;
    }
    Range java = a.javaRange();
    return normalize(
        new Range(
            java.hi().negate().subtract(BigInteger.ONE),
            java.lo().negate().subtract(BigInteger.ONE)),
        kind,
        false,
        origin);
  }

  /** {@code Math.min} / {@code Math.max}: the result is one of the arguments. */
  public static @Nullable Fact minMax(
      boolean min, @Nullable Fact a, @Nullable Fact b, CharSequence origin) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    Range x = a.javaRange();
    Range y = b.javaRange();
    Range result =
        min
            ? new Range(x.lo().min(y.lo()), x.hi().min(y.hi()))
            : new Range(x.lo().max(y.lo()), x.hi().max(y.hi()));
    boolean abi = a.fromAbi() || b.fromAbi();
    // the operand that gives the upper bound is the one a narrowing comes from, unless it is the
    // constant that clamps the other: then the value is still the other's
    boolean fromA = result.hi().equals(x.hi());
    boolean fromB = result.hi().equals(y.hi());
    boolean namedA;
    if (fromA && (!x.isPoint() || y.isPoint())) {
      namedA = true;
    } else if (fromB && (!y.isPoint() || x.isPoint())) {
      namedA = false;
    } else if (fromA || fromB) {
      namedA = !fromA;
    } else {
      return Fact.plain(result, origin).withAbi(abi);
    }
    // when the other operand, not a constant, gives the lower bound, the values lost below come
    // from it: the message names both
    Range own = namedA ? x : y;
    Range others = namedA ? y : x;
    if (!others.isPoint() && !result.lo().equals(own.lo())) {
      CharSequence both =
          Text.of(
              () -> (min ? "Math.min" : "Math.max") + " of " + a.origin() + " and " + b.origin());
      return Fact.plain(result, both).withAbi(abi);
    }
    return Fact.plain(result, (namedA ? a : b).origin()).withAbi(abi);
  }
}
