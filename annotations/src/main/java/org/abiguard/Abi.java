package org.abiguard;

/**
 * Range checks and deliberate truncations that the flow guard understands.
 *
 * <p>A {@code check} returns its argument unchanged when it fits the width and otherwise throws
 * {@link AbiRangeException}; a {@code trunc} keeps the low bits, which makes a truncation visible
 * in the source. After either call the guard knows the result fits.
 *
 * <pre>{@code
 * // instead of silently narrowing xatp.space (u32) into a u16 parameter:
 * addToPhysmapOne(d, Abi.checkU16(xatp.space), ...);
 * }</pre>
 */
public final class Abi {
  private Abi() {}

  /** {@code value} if it is in {@code 0..0xFF}. */
  public static int checkU8(long value) {
    return (int) check(value, 0, 0xFFL, "u8");
  }

  /** {@code value} if it is in {@code 0..0xFFFF}. */
  public static int checkU16(long value) {
    return (int) check(value, 0, 0xFFFFL, "u16");
  }

  /** {@code value} if it is in {@code 0..0xFFFFFFFF}. */
  public static long checkU32(long value) {
    return check(value, 0, 0xFFFF_FFFFL, "u32");
  }

  /** {@code value} if it is in {@code -0x80..0x7F}. */
  public static int checkS8(long value) {
    return (int) check(value, Byte.MIN_VALUE, Byte.MAX_VALUE, "s8");
  }

  /** {@code value} if it is in {@code -0x8000..0x7FFF}. */
  public static int checkS16(long value) {
    return (int) check(value, Short.MIN_VALUE, Short.MAX_VALUE, "s16");
  }

  /** {@code value} if it is in {@code -0x80000000..0x7FFFFFFF}. */
  public static int checkS32(long value) {
    return (int) check(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "s32");
  }

  /** The low 8 bits of {@code value}, as {@code 0..0xFF}. */
  public static int truncU8(long value) {
    return (int) (value & 0xFFL);
  }

  /** The low 16 bits of {@code value}, as {@code 0..0xFFFF}. */
  public static int truncU16(long value) {
    return (int) (value & 0xFFFFL);
  }

  /** The low 32 bits of {@code value}, as {@code 0..0xFFFFFFFF}. */
  public static long truncU32(long value) {
    return value & 0xFFFF_FFFFL;
  }

  private static long check(long value, long min, long max, String width) {
    if (value < min || value > max) {
      throw new AbiRangeException(
          "value "
              + value
              + " (0x"
              + Long.toHexString(value)
              + ") does not fit "
              + width
              + " ("
              + min
              + ".."
              + max
              + ")");
    }
    return value;
  }
}
