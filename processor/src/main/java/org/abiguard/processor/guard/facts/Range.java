package org.abiguard.processor.guard.facts;

import java.math.BigInteger;
import org.abiguard.processor.model.JavaKind;
import org.abiguard.processor.model.Width;
import org.jspecify.annotations.Nullable;

/**
 * A non-empty interval {@code [lo, hi]} of mathematical integers. Bounds are
 * {@link BigInteger}s because {@code u64}'s maximum does not fit a {@code long}; values are
 * small and few, so the cost stays negligible next to javac's own work.
 */
public record Range(BigInteger lo, BigInteger hi) {
  public Range {
    if (lo.compareTo(hi) > 0) {
      throw new IllegalArgumentException("empty range " + lo + ".." + hi);
    }
  }

  /** The range {@code [lo, hi]}. */
  public static Range of(long lo, long hi) {
    return new Range(BigInteger.valueOf(lo), BigInteger.valueOf(hi));
  }

  /** The single value {@code v}. */
  public static Range point(BigInteger v) {
    return new Range(v, v);
  }

  /** {@code [lo, hi]}, or null when {@code lo > hi}. */
  public static @Nullable Range orNull(BigInteger lo, BigInteger hi) {
    return lo.compareTo(hi) > 0 ? null : new Range(lo, hi);
  }

  // ranges of the C widths and Java types, indexed by bits (8, 16, 32, 64); built once
  private static final BigInteger[] UNSIGNED_MAX = new BigInteger[65];
  private static final BigInteger[] SIGNED_MAX = new BigInteger[65];
  private static final Range[] UNSIGNED = new Range[65];
  private static final Range[] SIGNED = new Range[65];

  static {
    for (int bits : new int[] {8, 16, 32, 64}) {
      UNSIGNED_MAX[bits] = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
      SIGNED_MAX[bits] = BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
      UNSIGNED[bits] = new Range(BigInteger.ZERO, UNSIGNED_MAX[bits]);
      SIGNED[bits] = new Range(SIGNED_MAX[bits].add(BigInteger.ONE).negate(), SIGNED_MAX[bits]);
    }
  }

  private static boolean standard(int bits) {
    return bits == 8 || bits == 16 || bits == 32 || bits == 64;
  }

  /** Every value of a C width. */
  public static Range of(Width w) {
    if (!standard(w.bits())) {
      BigInteger max = w.signed() ? BigInteger.valueOf(w.max()) : unsignedMax(w.bits());
      return new Range(BigInteger.valueOf(w.min()), max);
    }
    return w.signed() ? SIGNED[w.bits()] : UNSIGNED[w.bits()];
  }

  /** Every value of a Java type, read as Java reads it (signed, or unsigned for char). */
  public static Range of(JavaKind k) {
    return k.signed() ? SIGNED[k.bits()] : UNSIGNED[k.bits()];
  }

  /** {@code [0, 2^bits - 1]}: every raw bit pattern read as unsigned. */
  public static Range unsigned(int bits) {
    return standard(bits) ? UNSIGNED[bits] : new Range(BigInteger.ZERO, unsignedMax(bits));
  }

  /** {@code 2^bits - 1}. */
  public static BigInteger unsignedMax(int bits) {
    return bits >= 0 && bits <= 64 && UNSIGNED_MAX[bits] != null ? UNSIGNED_MAX[bits]
        : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
  }

  /** {@code 2^(bits-1) - 1}. */
  public static BigInteger signedMax(int bits) {
    return bits >= 0 && bits <= 64 && SIGNED_MAX[bits] != null ? SIGNED_MAX[bits]
        : BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
  }

  public boolean contains(Range other) {
    return lo.compareTo(other.lo) <= 0 && hi.compareTo(other.hi) >= 0;
  }

  public boolean contains(BigInteger v) {
    return lo.compareTo(v) <= 0 && hi.compareTo(v) >= 0;
  }

  /** The intersection, or null when it is empty. */
  public @Nullable Range intersect(Range other) {
    return orNull(lo.max(other.lo), hi.min(other.hi));
  }

  /** The smallest range holding both. */
  public Range hull(Range other) {
    return new Range(lo.min(other.lo), hi.max(other.hi));
  }

  public boolean isPoint() {
    return lo.equals(hi);
  }

  public boolean nonNegative() {
    return lo.signum() >= 0;
  }

  public Range add(Range o) {
    return new Range(lo.add(o.lo), hi.add(o.hi));
  }

  public Range subtract(Range o) {
    return new Range(lo.subtract(o.hi), hi.subtract(o.lo));
  }

  public Range negate() {
    return new Range(hi.negate(), lo.negate());
  }

  public Range multiply(Range o) {
    BigInteger a = lo.multiply(o.lo);
    BigInteger b = lo.multiply(o.hi);
    BigInteger c = hi.multiply(o.lo);
    BigInteger d = hi.multiply(o.hi);
    return new Range(a.min(b).min(c).min(d), a.max(b).max(c).max(d));
  }

  /** Shifts both bounds by {@code k} (a monotone operation for {@code <<}, {@code >>}). */
  public Range shiftLeft(int k) {
    return new Range(lo.shiftLeft(k), hi.shiftLeft(k));
  }

  public Range shiftRight(int k) {
    return new Range(lo.shiftRight(k), hi.shiftRight(k));
  }

  /** Written for messages: {@code 0x10000..0xFFFFFFFF}, or one value. */
  @Override
  public String toString() {
    return isPoint() ? hex(lo) : hex(lo) + ".." + hex(hi);
  }

  /** {@code 0x1F}, {@code -0x1}, or a small decimal written in hex too for consistency. */
  public static String hex(BigInteger v) {
    return v.signum() < 0 ? "-0x" + v.negate().toString(16).toUpperCase() : "0x" + v.toString(16).toUpperCase();
  }
}
