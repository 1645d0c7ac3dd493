package org.abiguard.processor.guard.facts;

import java.math.BigInteger;
import java.util.Locale;
import org.abiguard.processor.model.JavaKind;
import org.abiguard.processor.model.Width;
import org.jspecify.annotations.Nullable;

/**
 * A non-empty interval {@code [lo, hi]} of mathematical integers. Bounds are {@link BigInteger}s
 * because {@code u64}'s maximum does not fit a {@code long}; values are small and few, so the cost
 * stays negligible next to javac's own work.
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

  /** The single value {@code value}. */
  public static Range point(BigInteger value) {
    return new Range(value, value);
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
  public static Range of(Width width) {
    if (!standard(width.bits())) {
      BigInteger max = width.signed() ? BigInteger.valueOf(width.max()) : unsignedMax(width.bits());
      return new Range(BigInteger.valueOf(width.min()), max);
    }
    return width.signed() ? SIGNED[width.bits()] : UNSIGNED[width.bits()];
  }

  /** Every value of a Java type, read as Java reads it (signed, or unsigned for char). */
  public static Range of(JavaKind kind) {
    return kind.signed() ? SIGNED[kind.bits()] : UNSIGNED[kind.bits()];
  }

  /** {@code [0, 2^bits - 1]}: every raw bit pattern read as unsigned. */
  public static Range unsigned(int bits) {
    return standard(bits) ? UNSIGNED[bits] : new Range(BigInteger.ZERO, unsignedMax(bits));
  }

  /** {@code 2^bits - 1}. */
  public static BigInteger unsignedMax(int bits) {
    return bits >= 0 && bits <= 64 && UNSIGNED_MAX[bits] != null
        ? UNSIGNED_MAX[bits]
        : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
  }

  /** {@code 2^(bits-1) - 1}. */
  public static BigInteger signedMax(int bits) {
    return bits >= 0 && bits <= 64 && SIGNED_MAX[bits] != null
        ? SIGNED_MAX[bits]
        : BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
  }

  public boolean contains(Range other) {
    return lo.compareTo(other.lo) <= 0 && hi.compareTo(other.hi) >= 0;
  }

  public boolean contains(BigInteger value) {
    return lo.compareTo(value) <= 0 && hi.compareTo(value) >= 0;
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

  public Range add(Range other) {
    return new Range(lo.add(other.lo), hi.add(other.hi));
  }

  public Range subtract(Range other) {
    return new Range(lo.subtract(other.hi), hi.subtract(other.lo));
  }

  public Range negate() {
    return new Range(hi.negate(), lo.negate());
  }

  public Range multiply(Range other) {
    BigInteger a = lo.multiply(other.lo);
    BigInteger b = lo.multiply(other.hi);
    BigInteger c = hi.multiply(other.lo);
    BigInteger d = hi.multiply(other.hi);
    return new Range(a.min(b).min(c).min(d), a.max(b).max(c).max(d));
  }

  /** Shifts both bounds by {@code distance} (a monotone operation for {@code <<}, {@code >>}). */
  public Range shiftLeft(int distance) {
    return new Range(lo.shiftLeft(distance), hi.shiftLeft(distance));
  }

  public Range shiftRight(int distance) {
    return new Range(lo.shiftRight(distance), hi.shiftRight(distance));
  }

  /** Written for messages: {@code 0x10000..0xFFFFFFFF}, or one value. */
  @Override
  public String toString() {
    return isPoint() ? hex(lo) : hex(lo) + ".." + hex(hi);
  }

  /** {@code 0x1F}, {@code -0x1}, or a small decimal written in hex too for consistency. */
  public static String hex(BigInteger value) {
    return value.signum() < 0
        ? "-0x" + value.negate().toString(16).toUpperCase(Locale.ROOT)
        : "0x" + value.toString(16).toUpperCase(Locale.ROOT);
  }
}
