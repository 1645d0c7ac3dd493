package org.abiguard.processor.guard.facts;

import java.math.BigInteger;
import org.abiguard.processor.model.JavaKind;
import org.abiguard.processor.model.Width;

/**
 * Transfer functions: what Java's conversions and integer operators do to facts. Each takes
 * facts already converted to the operation's Java type (binary numeric promotion) and returns
 * the fact of the result, or null where nothing useful is known (a lenient "no fact").
 */
public final class Arith {
  private Arith() {}

  /** Java's conversion of a value from one integral type to another (widening or a cast). */
  public static Fact convert(Fact f, JavaKind from, JavaKind to) {
    if (f == null || to == null || from == to) {
      return f;
    }
    if (f.raw() != null && to.bits() > f.raw().bits()) {
      // widening raw bits: Java sign-extends the upper half into negative values
      BigInteger half = BigInteger.ONE.shiftLeft(f.raw().bits() - 1);
      if (f.range().hi().compareTo(half) < 0) {
        return Fact.in(f.range(), to, f.origin(), f.signExtended(), f.fromAbi());
      }
      return Fact.in(f.javaRange(), to, f.origin(), f.raw(), f.fromAbi());
    }
    return Fact.in(f.range(), to, f.origin(), f.signExtended(), f.fromAbi());
  }

  /** The values of the Java bits of {@code f} read as an unsigned {@code bits}-bit number. */
  public static Range unsignedView(Fact f, int bits) {
    if (f.raw() != null && f.raw().bits() == bits) {
      return f.range();
    }
    Range j = f.javaRange();
    if (j.nonNegative()) {
      return j;
    }
    BigInteger full = BigInteger.ONE.shiftLeft(bits);
    if (j.hi().signum() < 0) {
      return new Range(j.lo().add(full), j.hi().add(full));
    }
    return Range.unsigned(bits);
  }

  /**
   * A result range in Java type {@code k}: kept when Java can hold it, otherwise it wraps. In a
   * raw context (an operand holds raw unsigned bits of {@code k}'s size) the unsigned view is
   * kept, since {@code + - *} wrap alike for signed and unsigned bits.
   */
  public static Fact normalize(Range r, JavaKind k, boolean rawContext, CharSequence origin) {
    if (Range.of(k).contains(r)) {
      return Fact.plain(r, origin);
    }
    Range unsigned = Range.unsigned(k.bits());
    if (rawContext && unsigned.contains(r)) {
      return new Fact(r, new Width(k.bits(), false), origin, null, false);
    }
    return rawContext
        ? new Fact(unsigned, new Width(k.bits(), false), origin, null, false)
        : Fact.plain(Range.of(k), origin);
  }

  private static boolean isRaw(Fact f, JavaKind k) {
    return f.raw() != null && f.raw().bits() == k.bits();
  }

  /** {@code a + b}, {@code a - b}, {@code a * b}. */
  public static Fact additive(char op, Fact a, Fact b, JavaKind k, CharSequence origin) {
    if (a == null || b == null) {
      return null;
    }
    boolean raw = isRaw(a, k) || isRaw(b, k);
    Range x = raw ? unsignedOrJava(a, k) : a.javaRange();
    Range y = raw ? unsignedOrJava(b, k) : b.javaRange();
    Range r = switch (op) {
      case '+' -> x.add(y);
      case '-' -> x.subtract(y);
      default -> x.multiply(y);
    };
    return normalize(r, k, raw, origin);
  }

  private static Range unsignedOrJava(Fact f, JavaKind k) {
    return isRaw(f, k) ? f.range() : f.javaRange();
  }

  /** {@code a / b} (Java's truncating signed division). */
  public static Fact divide(Fact a, Fact b, JavaKind k, CharSequence origin) {
    if (a == null) {
      return null;
    }
    Range x = a.javaRange();
    if (b == null) {
      BigInteger m = x.lo().abs().max(x.hi().abs());
      return normalize(new Range(m.negate(), m), k, false, origin);
    }
    Range y = b.javaRange();
    Range r = null;
    Range neg = Range.orNull(y.lo(), y.hi().min(BigInteger.ONE.negate()));
    Range pos = Range.orNull(y.lo().max(BigInteger.ONE), y.hi());
    for (Range d : new Range[] {neg, pos}) {
      if (d != null) {
        Range q = corners(x, d);
        r = r == null ? q : r.hull(q);
      }
    }
    return r == null ? null : normalize(r, k, false, origin);
  }

  private static Range corners(Range x, Range d) {
    BigInteger a = x.lo().divide(d.lo());
    BigInteger b = x.lo().divide(d.hi());
    BigInteger c = x.hi().divide(d.lo());
    BigInteger e = x.hi().divide(d.hi());
    return new Range(a.min(b).min(c).min(e), a.max(b).max(c).max(e));
  }

  /** {@code a % b}: the sign of the dividend, smaller in magnitude than the divisor. */
  public static Fact remainder(Fact a, Fact b, JavaKind k, CharSequence origin) {
    if (a == null) {
      return null;
    }
    Range x = a.javaRange();
    BigInteger m;
    if (b == null) {
      m = x.lo().abs().max(x.hi().abs());
    } else {
      Range y = b.javaRange();
      m = y.lo().abs().max(y.hi().abs()).subtract(BigInteger.ONE);
      if (m.signum() < 0) {
        return null;
      }
    }
    BigInteger lo = x.lo().signum() >= 0 ? BigInteger.ZERO : x.lo().max(m.negate());
    BigInteger hi = x.hi().signum() <= 0 ? BigInteger.ZERO : x.hi().min(m);
    return normalize(new Range(lo, hi), k, false, origin);
  }

  /** {@code a & b}: a non-negative side bounds the result. */
  public static Fact and(Fact a, Fact b, JavaKind k, CharSequence origin) {
    if (a != null && b != null && isRaw(a, k) && isRaw(b, k)) {
      return normalize(new Range(BigInteger.ZERO, a.range().hi().min(b.range().hi())), k, true, origin);
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
    return a == null || b == null ? null : Fact.plain(Range.of(k), origin);
  }

  /** {@code a | b} and {@code a ^ b}. */
  public static Fact orXor(boolean or, Fact a, Fact b, JavaKind k, CharSequence origin) {
    if (a == null || b == null) {
      return null;
    }
    boolean raw = isRaw(a, k) && isRaw(b, k);
    Range x = raw ? a.range() : a.javaRange();
    Range y = raw ? b.range() : b.javaRange();
    if (x.nonNegative() && y.nonNegative()) {
      int len = x.hi().max(y.hi()).bitLength();
      BigInteger hi = BigInteger.ONE.shiftLeft(len).subtract(BigInteger.ONE);
      BigInteger lo = or ? x.lo().max(y.lo()) : BigInteger.ZERO;
      return normalize(new Range(lo, hi), k, raw, origin);
    }
    return Fact.plain(Range.of(k), origin);
  }

  /**
   * A shift by a count in a range (checked beforehand, {@code 1L << order} after
   * {@code order <= 18}): the hull of the shifts by the bounds, and by the count after the lower
   * bound (a {@code >>>} of a negative value by 0 and by 1 differ in sign); {@code counts} null or
   * outside {@code 0..bits-1} (where Java masks the count) is a count not known.
   */
  public static Fact shiftBy(String op, Fact a, Range counts, JavaKind k, CharSequence origin) {
    if (counts == null || counts.lo().signum() < 0 || counts.hi().compareTo(BigInteger.valueOf(k.bits() - 1)) > 0) {
      return shift(op, a, counts != null && counts.isPoint() ? (Integer) counts.lo().intValue() : null, k, origin);
    }
    int lo = counts.lo().intValue();
    int hi = counts.hi().intValue();
    Fact r = null;
    for (int n : new int[] {lo, Math.min(lo + 1, hi), hi}) {
      Fact f = shift(op, a, n, k, origin);
      if (f == null) {
        return null;
      }
      r = r == null ? f : Fact.join(r, f).withOrigin(origin);
    }
    return r;
  }

  /** {@code a << n}, {@code a >> n}, {@code a >>> n}; {@code n} null when not known. */
  public static Fact shift(String op, Fact a, Integer n, JavaKind k, CharSequence origin) {
    if (a == null) {
      return null;
    }
    Integer s = n == null ? null : n & (k.bits() - 1);
    switch (op) {
      case "<<" -> {
        if (s == null) {
          return Fact.plain(Range.of(k), origin);
        }
        boolean raw = isRaw(a, k);
        Range x = raw ? a.range() : a.javaRange();
        return normalize(x.shiftLeft(s), k, raw, origin);
      }
      case ">>" -> {
        Range x = a.javaRange();
        if (s == null) {
          return normalize(new Range(x.lo().min(BigInteger.ZERO), x.hi().max(BigInteger.ZERO)), k, false, origin);
        }
        return normalize(x.shiftRight(s), k, false, origin);
      }
      default -> {
        Range u = unsignedView(a, k.bits());
        if (s == null) {
          return normalize(new Range(BigInteger.ZERO, u.hi()), k, true, origin);
        }
        if (s == 0) {
          return a;
        }
        return normalize(u.shiftRight(s), k, true, origin);
      }
    }
  }

  /** {@code -a}. */
  public static Fact negate(Fact a, JavaKind k, CharSequence origin) {
    return a == null ? null : normalize(a.javaRange().negate(), k, false, origin);
  }

  /** {@code ~a}, which is {@code -a - 1}. */
  public static Fact complement(Fact a, JavaKind k, CharSequence origin) {
    if (a == null) {
      return null;
    }
    Range j = a.javaRange();
    return normalize(new Range(j.hi().negate().subtract(BigInteger.ONE), j.lo().negate().subtract(BigInteger.ONE)),
        k, false, origin);
  }

  /** {@code Math.min} / {@code Math.max}: the result is one of the arguments. */
  public static Fact minMax(boolean min, Fact a, Fact b, CharSequence origin) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    Range x = a.javaRange();
    Range y = b.javaRange();
    Range r = min ? new Range(x.lo().min(y.lo()), x.hi().min(y.hi()))
        : new Range(x.lo().max(y.lo()), x.hi().max(y.hi()));
    boolean abi = a.fromAbi() || b.fromAbi();
    // the operand that gives the upper bound is the one a narrowing comes from, unless it is the
    // constant that clamps the other: then the value is still the other's
    boolean fromA = r.hi().equals(x.hi());
    boolean fromB = r.hi().equals(y.hi());
    if (fromA && (!x.isPoint() || y.isPoint())) {
      return Fact.plain(r, a.origin()).withAbi(abi);
    }
    if (fromB && (!y.isPoint() || x.isPoint())) {
      return Fact.plain(r, b.origin()).withAbi(abi);
    }
    if (fromA || fromB) {
      return Fact.plain(r, (fromA ? b : a).origin()).withAbi(abi);
    }
    return Fact.plain(r, origin).withAbi(abi);
  }
}
