package org.abiguard.benchmarks.engine;

import javax.lang.model.type.TypeKind;

/**
 * Interval arithmetic with Java's wrap-around: a result that leaves the Java type of the
 * expression becomes that type's whole range. Operands that are not facts give no fact.
 */
final class Arithmetic {
  private Arithmetic() {}

  /** The result kept inside the Java kind of the expression (wrap-around gives the whole kind). */
  static Interval clamp(Interval v, TypeKind kind) {
    Interval range = Interval.ofKind(kind);
    if (v == null || range == null) {
      return v;
    }
    return v.within(range) ? v : range;
  }

  static Interval add(Interval a, Interval b, TypeKind kind) {
    if (a == null || b == null) {
      return null;
    }
    try {
      return clamp(new Interval(Math.addExact(a.lo(), b.lo()), Math.addExact(a.hi(), b.hi())), kind);
    } catch (ArithmeticException overflow) {
      return Interval.ofKind(kind);
    }
  }

  static Interval subtract(Interval a, Interval b, TypeKind kind) {
    if (a == null || b == null) {
      return null;
    }
    try {
      return clamp(new Interval(Math.subtractExact(a.lo(), b.hi()), Math.subtractExact(a.hi(), b.lo())), kind);
    } catch (ArithmeticException overflow) {
      return Interval.ofKind(kind);
    }
  }

  static Interval multiply(Interval a, Interval b, TypeKind kind) {
    if (a == null || b == null) {
      return null;
    }
    try {
      long p1 = Math.multiplyExact(a.lo(), b.lo());
      long p2 = Math.multiplyExact(a.lo(), b.hi());
      long p3 = Math.multiplyExact(a.hi(), b.lo());
      long p4 = Math.multiplyExact(a.hi(), b.hi());
      return clamp(new Interval(Math.min(Math.min(p1, p2), Math.min(p3, p4)),
          Math.max(Math.max(p1, p2), Math.max(p3, p4))), kind);
    } catch (ArithmeticException overflow) {
      return Interval.ofKind(kind);
    }
  }

  /** {@code a % c} for a constant divisor: at most |c|-1 away from zero, with a's sign. */
  static Interval remainder(Interval a, Interval c) {
    if (a == null || c == null || !c.isConstant() || c.lo() == 0 || c.lo() == Long.MIN_VALUE) {
      return null;
    }
    long m = Math.abs(c.lo()) - 1;
    long lo = a.lo() >= 0 ? 0 : Math.max(a.lo(), -m);
    long hi = a.hi() <= 0 ? 0 : Math.min(a.hi(), m);
    return new Interval(lo, hi);
  }

  /** {@code a & mask}: a non-negative constant mask bounds the result whatever a is. */
  static Interval and(Interval a, Interval b) {
    Interval mask = b != null && b.isConstant() && b.lo() >= 0 ? b : a != null && a.isConstant() && a.lo() >= 0 ? a : null;
    Interval other = mask == b ? a : b;
    if (mask != null) {
      long hi = other != null && other.lo() >= 0 ? Math.min(mask.hi(), other.hi()) : mask.hi();
      return new Interval(0, hi);
    }
    if (a != null && b != null && a.lo() >= 0 && b.lo() >= 0) {
      return new Interval(0, Math.min(a.hi(), b.hi()));
    }
    return null;
  }

  /** {@code a >>> s} for a constant shift in an int or long expression. */
  static Interval unsignedShift(Interval a, Interval s, TypeKind kind) {
    if (a == null || s == null || !s.isConstant()) {
      return null;
    }
    boolean isLong = kind == TypeKind.LONG;
    int shift = (int) (s.lo() & (isLong ? 63 : 31));
    if (a.lo() >= 0) {
      return new Interval(a.lo() >>> shift, a.hi() >>> shift);
    }
    if (shift == 0) {
      return a;
    }
    // a possibly negative operand: any bit pattern of the type, shifted
    return new Interval(0, isLong ? -1L >>> shift : (0xFFFF_FFFFL >>> shift));
  }

  /** {@code a << s} for a constant shift: exact while the result stays within the Java kind. */
  static Interval leftShift(Interval a, Interval s, TypeKind kind) {
    if (a == null || s == null || !s.isConstant()) {
      return null;
    }
    int shift = (int) (s.lo() & (kind == TypeKind.LONG ? 63 : 31));
    return multiply(a, Interval.of(1L << shift), kind);
  }

  /** {@code a >> s} for a constant shift (monotone, so the bounds shift). */
  static Interval signedShift(Interval a, Interval s, TypeKind kind) {
    if (a == null || s == null || !s.isConstant()) {
      return null;
    }
    int shift = (int) (s.lo() & (kind == TypeKind.LONG ? 63 : 31));
    return new Interval(a.lo() >> shift, a.hi() >> shift);
  }

  /** A cast or primitive conversion to {@code kind}: kept when it fits, the whole kind otherwise. */
  static Interval convert(Interval a, TypeKind kind) {
    return clamp(a, kind);
  }
}
