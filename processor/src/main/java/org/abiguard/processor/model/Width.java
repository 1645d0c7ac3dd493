package org.abiguard.processor.model;

/**
 * A C integer width: {@code bits} in {8, 16, 32, 64}, signed or unsigned. Written as in
 * diagnostics: {@code u8 u16 u32 u64 s8 s16 s32 s64}.
 */
public record Width(int bits, boolean signed) {
  public static final Width U8 = new Width(8, false);
  public static final Width U16 = new Width(16, false);
  public static final Width U32 = new Width(32, false);
  public static final Width U64 = new Width(64, false);
  public static final Width S8 = new Width(8, true);
  public static final Width S16 = new Width(16, true);
  public static final Width S32 = new Width(32, true);
  public static final Width S64 = new Width(64, true);

  /** Whether {@code bits} is one of 8, 16, 32, 64. */
  public static boolean isValidBits(int bits) {
    return bits == 8 || bits == 16 || bits == 32 || bits == 64;
  }

  /** Size in bytes. */
  public int bytes() {
    return bits / 8;
  }

  /** The smallest value, as a signed long ({@code 0} for unsigned). */
  public long min() {
    return signed ? -(1L << (bits - 1)) : 0L;
  }

  /**
   * The largest value. For {@code u64} this is {@code 2^64-1}, which does not fit a signed long: it
   * is returned as {@code -1L} (the raw bits); use {@link #maxUnsignedString()} or {@link
   * java.math.BigInteger} arithmetic where that matters.
   */
  public long max() {
    if (signed) {
      return (1L << (bits - 1)) - 1;
    }
    return bits == 64 ? -1L : (1L << bits) - 1;
  }

  /** {@link #max()} as an unsigned decimal string. */
  public String maxUnsignedString() {
    return signed ? Long.toString(max()) : Long.toUnsignedString(max());
  }

  @Override
  public String toString() {
    return (signed ? "s" : "u") + bits;
  }
}
