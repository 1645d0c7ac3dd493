package org.abiguard;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The shared part of the marshallers abiguard generates: byte-order aware absolute gets and puts,
 * the bounds, range, length and null checks and their messages, zeroing of padding, and the {@link
 * AbiCodec} that wraps an ABI's static {@code read}/{@code write}.
 *
 * <p>This class is for generated code: its methods check and move bytes exactly as a marshaller's
 * Javadoc promises, and stay compatible within a major version, but user code should call a
 * marshaller ({@code FooMarshaller.read}, {@code write}, {@code codec}) or the helpers of {@link
 * Abi} instead. Each method is small and static, so the JIT inlines it into the generated {@code
 * read} and {@code write}.
 *
 * <p>The {@code swap} parameters say whether the buffer's byte order differs from the struct's: a
 * generated method computes it once, {@code buf.order() != ByteOrder.LITTLE_ENDIAN} for a
 * little-endian struct, and passes it to each get and put. All accesses are absolute: neither the
 * buffer's position nor its order changes.
 */
public final class AbiRuntime {
  private AbiRuntime() {}

  // ---------------------------------------------------------------- bounds

  /**
   * Throws unless {@code size} bytes from {@code offset} lie within {@code buf.limit()}.
   *
   * @param struct how C names the struct, for the message: {@code struct xen_add_to_physmap}
   * @param abi the ABI of the layout: {@code x86_64}
   * @throws IndexOutOfBoundsException naming struct, ABI, size, offset and limit
   */
  public static void checkBounds(ByteBuffer buf, int offset, int size, String struct, String abi) {
    if (offset < 0 || offset > buf.limit() - size) {
      throw outOfBounds(struct, abi, size, offset, buf.limit());
    }
  }

  /**
   * Throws unless {@code size} bytes from {@code offset} lie within {@code byteSize} bytes: the
   * check of a {@code MemorySegment}, whose {@code byteSize()} the caller passes.
   *
   * @throws IndexOutOfBoundsException naming struct, ABI, size, offset and segment size
   */
  public static void checkBounds(long byteSize, long offset, int size, String struct, String abi) {
    if (offset < 0 || offset > byteSize - size) {
      throw outOfSegment(struct, abi, size, offset, byteSize);
    }
  }

  // The exceptions of the bounds checks are built out of line, so that the checks stay small
  // enough for the JIT to inline (see outOfRange).

  private static IndexOutOfBoundsException outOfSegment(
      String struct, String abi, int size, long offset, long byteSize) {
    return doesNotFit(struct, abi, size, offset, "a segment of " + byteSize + " bytes");
  }

  private static IndexOutOfBoundsException outOfBounds(
      String struct, String abi, int size, int offset, int limit) {
    return doesNotFit(struct, abi, size, offset, "a buffer with limit " + limit);
  }

  private static IndexOutOfBoundsException doesNotFit(
      String struct, String abi, int size, long offset, String memory) {
    return new IndexOutOfBoundsException(
        struct
            + " ("
            + abi
            + ", "
            + size
            + " bytes) at offset "
            + offset
            + " does not fit in "
            + memory);
  }

  // ---------------------------------------------------------------- gets and puts

  /**
   * Whether a little-endian type's integers must have their bytes reversed in {@code buf}: its
   * order is big endian. The {@code swap} of the gets and puts below.
   */
  public static boolean swapForLittleEndian(ByteBuffer buf) {
    return buf.order() != ByteOrder.LITTLE_ENDIAN;
  }

  /**
   * Whether a big-endian type's integers must have their bytes reversed in {@code buf}: its order
   * is little endian. The {@code swap} of the gets and puts below.
   */
  public static boolean swapForBigEndian(ByteBuffer buf) {
    return buf.order() != ByteOrder.BIG_ENDIAN;
  }

  /** The {@code short} at {@code index}, its bytes reversed if {@code swap}. */
  public static short getShort(ByteBuffer buf, int index, boolean swap) {
    short bits = buf.getShort(index);
    return swap ? Short.reverseBytes(bits) : bits;
  }

  /** The {@code int} at {@code index}, its bytes reversed if {@code swap}. */
  public static int getInt(ByteBuffer buf, int index, boolean swap) {
    int bits = buf.getInt(index);
    return swap ? Integer.reverseBytes(bits) : bits;
  }

  /** The {@code long} at {@code index}, its bytes reversed if {@code swap}. */
  public static long getLong(ByteBuffer buf, int index, boolean swap) {
    long bits = buf.getLong(index);
    return swap ? Long.reverseBytes(bits) : bits;
  }

  /** Puts {@code bits} at {@code index}, its bytes reversed if {@code swap}. */
  public static void putShort(ByteBuffer buf, int index, short bits, boolean swap) {
    buf.putShort(index, swap ? Short.reverseBytes(bits) : bits);
  }

  /** Puts {@code bits} at {@code index}, its bytes reversed if {@code swap}. */
  public static void putInt(ByteBuffer buf, int index, int bits, boolean swap) {
    buf.putInt(index, swap ? Integer.reverseBytes(bits) : bits);
  }

  /** Puts {@code bits} at {@code index}, its bytes reversed if {@code swap}. */
  public static void putLong(ByteBuffer buf, int index, long bits, boolean swap) {
    buf.putLong(index, swap ? Long.reverseBytes(bits) : bits);
  }

  // ---------------------------------------------------------------- arrays of 2-, 4- and 8-byte
  // integers
  //
  // One call moves a whole array member whose elements are 2, 4 or 8 bytes in C and held in a
  // short[], int[] or long[]: its first count elements, each at index + i * its size, as getShort
  // etc. move one. A get fills the array the caller made; a put writes an array already checked.
  // count is the C length (a constant the JIT unrolls the loop by, as it did the generated loop
  // of each element), or a flexible array's. Elements of 1 byte, or held in a char[], float[] or
  // double[], move one by one.

  /**
   * Fills {@code into} with the {@code count} {@code short}s from {@code index}, each reversed if
   * {@code swap}.
   */
  public static void getShorts(ByteBuffer buf, int index, short[] into, int count, boolean swap) {
    for (int i = 0; i < count; i++) {
      into[i] = getShort(buf, index + 2 * i, swap);
    }
  }

  /**
   * As {@link #getShorts(ByteBuffer, int, short[], int, boolean)}, each sign-extended: {@code s16}.
   */
  public static void getShorts(ByteBuffer buf, int index, int[] into, int count, boolean swap) {
    for (int i = 0; i < count; i++) {
      into[i] = getShort(buf, index + 2 * i, swap);
    }
  }

  /**
   * As {@link #getShorts(ByteBuffer, int, short[], int, boolean)}, each sign-extended: {@code s16}.
   */
  public static void getShorts(ByteBuffer buf, int index, long[] into, int count, boolean swap) {
    for (int i = 0; i < count; i++) {
      into[i] = getShort(buf, index + 2 * i, swap);
    }
  }

  /**
   * As {@link #getShorts(ByteBuffer, int, short[], int, boolean)}, each zero-extended: {@code u16}.
   */
  public static void getUnsignedShorts(
      ByteBuffer buf, int index, int[] into, int count, boolean swap) {
    for (int i = 0; i < count; i++) {
      into[i] = getShort(buf, index + 2 * i, swap) & 0xFFFF;
    }
  }

  /**
   * As {@link #getShorts(ByteBuffer, int, short[], int, boolean)}, each zero-extended: {@code u16}.
   */
  public static void getUnsignedShorts(
      ByteBuffer buf, int index, long[] into, int count, boolean swap) {
    for (int i = 0; i < count; i++) {
      into[i] = getShort(buf, index + 2 * i, swap) & 0xFFFFL;
    }
  }

  /**
   * Fills {@code into} with the {@code count} {@code int}s from {@code index}, each reversed if
   * {@code swap}: a {@code u32}'s or {@code s32}'s bits.
   */
  public static void getInts(ByteBuffer buf, int index, int[] into, int count, boolean swap) {
    for (int i = 0; i < count; i++) {
      into[i] = getInt(buf, index + 4 * i, swap);
    }
  }

  /** As {@link #getInts(ByteBuffer, int, int[], int, boolean)}, each sign-extended: {@code s32}. */
  public static void getInts(ByteBuffer buf, int index, long[] into, int count, boolean swap) {
    for (int i = 0; i < count; i++) {
      into[i] = getInt(buf, index + 4 * i, swap);
    }
  }

  /** As {@link #getInts(ByteBuffer, int, int[], int, boolean)}, each zero-extended: {@code u32}. */
  public static void getUnsignedInts(
      ByteBuffer buf, int index, long[] into, int count, boolean swap) {
    for (int i = 0; i < count; i++) {
      into[i] = getInt(buf, index + 4 * i, swap) & 0xFFFF_FFFFL;
    }
  }

  /**
   * Fills {@code into} with the {@code count} {@code long}s from {@code index}, each reversed if
   * {@code swap}.
   */
  public static void getLongs(ByteBuffer buf, int index, long[] into, int count, boolean swap) {
    for (int i = 0; i < count; i++) {
      into[i] = getLong(buf, index + 8 * i, swap);
    }
  }

  /**
   * Puts {@code count} elements of {@code array} from {@code index}, each reversed if {@code swap}.
   */
  public static void putShorts(ByteBuffer buf, int index, short[] array, int count, boolean swap) {
    for (int i = 0; i < count; i++) {
      putShort(buf, index + 2 * i, array[i], swap);
    }
  }

  /**
   * Puts the low 16 bits of {@code count} elements of {@code array}: see {@link
   * #putShorts(ByteBuffer, int, short[], boolean)}.
   */
  public static void putShorts(ByteBuffer buf, int index, int[] array, int count, boolean swap) {
    for (int i = 0; i < count; i++) {
      putShort(buf, index + 2 * i, (short) array[i], swap);
    }
  }

  /**
   * Puts the low 16 bits of {@code count} elements of {@code array}: see {@link
   * #putShorts(ByteBuffer, int, short[], boolean)}.
   */
  public static void putShorts(ByteBuffer buf, int index, long[] array, int count, boolean swap) {
    for (int i = 0; i < count; i++) {
      putShort(buf, index + 2 * i, (short) array[i], swap);
    }
  }

  /**
   * Puts {@code count} elements of {@code array} from {@code index}, each reversed if {@code swap}.
   */
  public static void putInts(ByteBuffer buf, int index, int[] array, int count, boolean swap) {
    for (int i = 0; i < count; i++) {
      putInt(buf, index + 4 * i, array[i], swap);
    }
  }

  /**
   * Puts the low 32 bits of {@code count} elements of {@code array}: see {@link
   * #putInts(ByteBuffer, int, int[], boolean)}.
   */
  public static void putInts(ByteBuffer buf, int index, long[] array, int count, boolean swap) {
    for (int i = 0; i < count; i++) {
      putInt(buf, index + 4 * i, (int) array[i], swap);
    }
  }

  /**
   * Puts {@code count} elements of {@code array} from {@code index}, each reversed if {@code swap}.
   */
  public static void putLongs(ByteBuffer buf, int index, long[] array, int count, boolean swap) {
    for (int i = 0; i < count; i++) {
      putLong(buf, index + 8 * i, array[i], swap);
    }
  }

  /** Writes {@code count} zero bytes from {@code index}: padding. */
  public static void zero(ByteBuffer buf, int index, int count) {
    int i = index;
    int end = index + count;
    // zero is zero in either byte order: eight, four, two bytes at a time, then the last byte
    for (; i + 8 <= end; i += 8) {
      buf.putLong(i, 0L);
    }
    if (i + 4 <= end) {
      buf.putInt(i, 0);
      i += 4;
    }
    if (i + 2 <= end) {
      buf.putShort(i, (short) 0);
      i += 2;
    }
    if (i < end) {
      buf.put(i, (byte) 0);
    }
  }

  // ---------------------------------------------------------------- range checks

  /**
   * Throws unless {@code value} fits {@code u8} ({@code 0..255}).
   *
   * @param member how the message names the member: {@code xen_add_to_physmap.space}
   * @throws AbiRangeException {@code "member = value does not fit u8 (0..255)"}
   */
  public static void checkU8(long value, String member) {
    check(value, 0, 0xFFL, member, -1, "u8");
  }

  /** As {@link #checkU8(long, String)} for {@code u16} ({@code 0..65535}). */
  public static void checkU16(long value, String member) {
    check(value, 0, 0xFFFFL, member, -1, "u16");
  }

  /** As {@link #checkU8(long, String)} for {@code u32} ({@code 0..4294967295}). */
  public static void checkU32(long value, String member) {
    check(value, 0, 0xFFFF_FFFFL, member, -1, "u32");
  }

  /** As {@link #checkU8(long, String)} for {@code s8} ({@code -128..127}). */
  public static void checkS8(long value, String member) {
    check(value, Byte.MIN_VALUE, Byte.MAX_VALUE, member, -1, "s8");
  }

  /** As {@link #checkU8(long, String)} for {@code s16} ({@code -32768..32767}). */
  public static void checkS16(long value, String member) {
    check(value, Short.MIN_VALUE, Short.MAX_VALUE, member, -1, "s16");
  }

  /** As {@link #checkU8(long, String)} for {@code s32} ({@code -2147483648..2147483647}). */
  public static void checkS32(long value, String member) {
    check(value, Integer.MIN_VALUE, Integer.MAX_VALUE, member, -1, "s32");
  }

  /** As {@link #checkU8(long, String)} for element {@code index} of an array member. */
  public static void checkU8(long value, String member, int index) {
    check(value, 0, 0xFFL, member, index, "u8");
  }

  /** As {@link #checkU16(long, String)} for element {@code index} of an array member. */
  public static void checkU16(long value, String member, int index) {
    check(value, 0, 0xFFFFL, member, index, "u16");
  }

  /** As {@link #checkU32(long, String)} for element {@code index} of an array member. */
  public static void checkU32(long value, String member, int index) {
    check(value, 0, 0xFFFF_FFFFL, member, index, "u32");
  }

  /**
   * As {@link #checkU32(long, String)} for a {@code long} that holds the bits of an unsigned 64-bit
   * C value on another ABI (an {@code unsigned long} or a pointer on LP64, checked here for an ABI
   * where it is 32 bits): the message writes the value unsigned, {@code 18446744073709551615} for
   * {@code -1L}.
   */
  public static void checkU32OfU64(long bits, String member) {
    checkU32OfU64(bits, member, -1);
  }

  /** As {@link #checkU32OfU64(long, String)} for element {@code index} of an array member. */
  public static void checkU32OfU64(long bits, String member, int index) {
    if ((bits >>> 32) != 0) {
      throw new AbiRangeException(
          element(member, index)
              + " = "
              + Long.toUnsignedString(bits)
              + " does not fit u32 (0..4294967295)");
    }
  }

  /** As {@link #checkS8(long, String)} for element {@code index} of an array member. */
  public static void checkS8(long value, String member, int index) {
    check(value, Byte.MIN_VALUE, Byte.MAX_VALUE, member, index, "s8");
  }

  /** As {@link #checkS16(long, String)} for element {@code index} of an array member. */
  public static void checkS16(long value, String member, int index) {
    check(value, Short.MIN_VALUE, Short.MAX_VALUE, member, index, "s16");
  }

  /** As {@link #checkS32(long, String)} for element {@code index} of an array member. */
  public static void checkS32(long value, String member, int index) {
    check(value, Integer.MIN_VALUE, Integer.MAX_VALUE, member, index, "s32");
  }

  // The same checks for a member held in an int (or a short, char or byte): a comparison of ints,
  // which the JIT turns into one unsigned comparison, where a long one takes two.

  /** As {@link #checkU8(long, String)}, for a member held in an {@code int}. */
  public static void checkU8(int value, String member) {
    check(value, 0, 0xFF, member, -1, "u8");
  }

  /** As {@link #checkU16(long, String)}, for a member held in an {@code int}. */
  public static void checkU16(int value, String member) {
    check(value, 0, 0xFFFF, member, -1, "u16");
  }

  /** As {@link #checkS8(long, String)}, for a member held in an {@code int}. */
  public static void checkS8(int value, String member) {
    check(value, Byte.MIN_VALUE, Byte.MAX_VALUE, member, -1, "s8");
  }

  /** As {@link #checkS16(long, String)}, for a member held in an {@code int}. */
  public static void checkS16(int value, String member) {
    check(value, Short.MIN_VALUE, Short.MAX_VALUE, member, -1, "s16");
  }

  /** As {@link #checkU8(long, String, int)}, for an element held in an {@code int}. */
  public static void checkU8(int value, String member, int index) {
    check(value, 0, 0xFF, member, index, "u8");
  }

  /** As {@link #checkU16(long, String, int)}, for an element held in an {@code int}. */
  public static void checkU16(int value, String member, int index) {
    check(value, 0, 0xFFFF, member, index, "u16");
  }

  /** As {@link #checkS8(long, String, int)}, for an element held in an {@code int}. */
  public static void checkS8(int value, String member, int index) {
    check(value, Byte.MIN_VALUE, Byte.MAX_VALUE, member, index, "s8");
  }

  /** As {@link #checkS16(long, String, int)}, for an element held in an {@code int}. */
  public static void checkS16(int value, String member, int index) {
    check(value, Short.MIN_VALUE, Short.MAX_VALUE, member, index, "s16");
  }

  private static void check(int value, int min, int max, String member, int index, String width) {
    if (value < min || value > max) {
      throw outOfRange(value, min, max, member, index, width);
    }
  }

  private static void check(
      long value, long min, long max, String member, int index, String width) {
    if (value < min || value > max) {
      throw outOfRange(value, min, max, member, index, width);
    }
  }

  /**
   * The exception of a failed range check, built out of line so that the check itself stays small
   * enough for the JIT to inline into every generated {@code check}.
   */
  private static AbiRangeException outOfRange(
      long value, long min, long max, String member, int index, String width) {
    return new AbiRangeException(
        element(member, index)
            + " = "
            + value
            + " does not fit "
            + width
            + " ("
            + min
            + ".."
            + max
            + ")");
  }

  /**
   * {@code e}, thrown by the check of a nested struct or union, with where it is nested said:
   * {@code "slot.gfn = 70000 does not fit u16 (0..65535), in ring.slots[2]"}; {@code e} is its
   * cause.
   *
   * @param member the member that holds the nested value: {@code ring.slots}
   * @param index the element of an array member, or -1
   */
  public static AbiRangeException within(AbiRangeException e, String member, int index) {
    AbiRangeException nested =
        new AbiRangeException(e.getMessage() + ", in " + element(member, index));
    nested.initCause(e);
    return nested;
  }

  /** {@code member}, or its element {@code member[index]} where {@code index} is not -1. */
  private static String element(String member, int index) {
    return index < 0 ? member : member + "[" + index + "]";
  }

  // ---------------------------------------------------------------- nulls and lengths

  /**
   * Returns {@code value}, or throws if it is null.
   *
   * @param what how the message names it: {@code struct xen_add_to_physmap}, {@code rich.inner}
   * @throws NullPointerException with {@code what} as its message
   */
  public static <T> T requireNonNull(T value, String what) {
    return Objects.requireNonNull(value, what);
  }

  /**
   * Throws unless an array member is there and has the length C declares.
   *
   * @param member how the messages name it: {@code rich.owners}
   * @throws NullPointerException if {@code array} is null, with {@code member} as its message
   * @throws IllegalArgumentException {@code "member has 3 elements; C declares 4"}
   */
  public static void checkLength(byte[] array, int expected, String member) {
    checkLength(Objects.requireNonNull(array, member).length, expected, member);
  }

  /** As {@link #checkLength(byte[], int, String)}. */
  public static void checkLength(short[] array, int expected, String member) {
    checkLength(Objects.requireNonNull(array, member).length, expected, member);
  }

  /** As {@link #checkLength(byte[], int, String)}. */
  public static void checkLength(char[] array, int expected, String member) {
    checkLength(Objects.requireNonNull(array, member).length, expected, member);
  }

  /** As {@link #checkLength(byte[], int, String)}. */
  public static void checkLength(int[] array, int expected, String member) {
    checkLength(Objects.requireNonNull(array, member).length, expected, member);
  }

  /** As {@link #checkLength(byte[], int, String)}. */
  public static void checkLength(long[] array, int expected, String member) {
    checkLength(Objects.requireNonNull(array, member).length, expected, member);
  }

  /** As {@link #checkLength(byte[], int, String)}. */
  public static void checkLength(float[] array, int expected, String member) {
    checkLength(Objects.requireNonNull(array, member).length, expected, member);
  }

  /** As {@link #checkLength(byte[], int, String)}. */
  public static void checkLength(double[] array, int expected, String member) {
    checkLength(Objects.requireNonNull(array, member).length, expected, member);
  }

  /** As {@link #checkLength(byte[], int, String)}, for an array of structs. */
  public static void checkLength(Object[] array, int expected, String member) {
    checkLength(Objects.requireNonNull(array, member).length, expected, member);
  }

  private static void checkLength(int length, int expected, String member) {
    if (length != expected) {
      throw new IllegalArgumentException(
          member + " has " + length + " elements; C declares " + expected);
    }
  }

  /**
   * Throws unless an array member is there, has the length C declares (as {@link
   * #checkLength(int[], int, String)} checks) and each element fits its C width, here {@code u16}:
   * the whole check of an array of 2- or 4-byte integers in one call.
   *
   * @param length the elements C declares (for a flexible array, its own length)
   * @throws NullPointerException if {@code array} is null, with {@code member} as its message
   * @throws IllegalArgumentException {@code "member has 3 elements; C declares 4"}
   * @throws AbiRangeException for the first element that does not fit: {@code "member[2] = 70000
   *     does not fit u16 (0..65535)"}
   */
  public static void checkU16s(int[] array, int length, String member) {
    checkLength(array, length, member);
    for (int i = 0; i < length; i++) {
      check(array[i], 0, 0xFFFF, member, i, "u16");
    }
  }

  /** As {@link #checkU16s(int[], int, String)} for {@code s16}. */
  public static void checkS16s(int[] array, int length, String member) {
    checkLength(array, length, member);
    for (int i = 0; i < length; i++) {
      check(array[i], Short.MIN_VALUE, Short.MAX_VALUE, member, i, "s16");
    }
  }

  /** As {@link #checkU16s(int[], int, String)}. */
  public static void checkU16s(long[] array, int length, String member) {
    checkLength(array, length, member);
    for (int i = 0; i < length; i++) {
      check(array[i], 0, 0xFFFFL, member, i, "u16");
    }
  }

  /** As {@link #checkU16s(int[], int, String)} for {@code s16}. */
  public static void checkS16s(long[] array, int length, String member) {
    checkLength(array, length, member);
    for (int i = 0; i < length; i++) {
      check(array[i], Short.MIN_VALUE, Short.MAX_VALUE, member, i, "s16");
    }
  }

  /** As {@link #checkU16s(int[], int, String)} for {@code u32}. */
  public static void checkU32s(long[] array, int length, String member) {
    checkLength(array, length, member);
    for (int i = 0; i < length; i++) {
      check(array[i], 0, 0xFFFF_FFFFL, member, i, "u32");
    }
  }

  /** As {@link #checkU16s(int[], int, String)} for {@code s32}. */
  public static void checkS32s(long[] array, int length, String member) {
    checkLength(array, length, member);
    for (int i = 0; i < length; i++) {
      check(array[i], Integer.MIN_VALUE, Integer.MAX_VALUE, member, i, "s32");
    }
  }

  /**
   * As {@link #checkU16s(int[], int, String)} for {@code u32}, of elements that hold the bits of an
   * unsigned 64-bit C value on another ABI: see {@link #checkU32OfU64(long, String, int)}.
   */
  public static void checkU32OfU64s(long[] array, int length, String member) {
    checkLength(array, length, member);
    for (int i = 0; i < length; i++) {
      checkU32OfU64(array[i], member, i);
    }
  }

  /**
   * Throws if element {@code index} of an array of structs is null.
   *
   * @throws NullPointerException {@code "member[index] is null"}
   */
  public static void checkElementNotNull(Object element, String member, int index) {
    if (element == null) {
      throw new NullPointerException(member + "[" + index + "] is null");
    }
  }

  // ---------------------------------------------------------------- bit-fields, flexible arrays,
  // unions

  /**
   * Throws unless {@code value} fits a bit-field of {@code bits} bits ({@code u4}: {@code 0..15},
   * {@code s3}: {@code -4..3}).
   *
   * @throws AbiRangeException {@code "member = 16 does not fit u4 (0..15)"}
   */
  public static void checkBits(long value, int bits, boolean signed, String member) {
    long min = signed ? -(1L << (bits - 1)) : 0;
    long max = signed ? (1L << (bits - 1)) - 1 : bits == 64 ? -1L : (1L << bits) - 1;
    boolean fits =
        signed ? value >= min && value <= max : bits == 64 || (value >= 0 && value <= max);
    if (!fits) {
      throw new AbiRangeException(
          member
              + " = "
              + value
              + " does not fit "
              + (signed ? "s" : "u")
              + bits
              + " ("
              + min
              + ".."
              + (signed ? Long.toString(max) : Long.toUnsignedString(max))
              + ")");
    }
  }

  /**
   * The {@code bits}-bit field at bit {@code bitOffset} from {@code index}, byte by byte: bits
   * numbered from each byte's least significant bit with the value's lowest bit first, or ({@code
   * bigEndian}) from the most significant bit with the value's highest bit first. For bit-fields no
   * 8-byte window holds (up to 64 bits at an odd bit of a packed type).
   */
  public static long getBits(
      ByteBuffer buf, int index, int bitOffset, int bits, boolean bigEndian) {
    long v = 0;
    for (int k = 0; k < bits; k++) {
      int q = bitOffset + (bigEndian ? bits - 1 - k : k);
      int b = buf.get(index + (q >>> 3));
      int bit = bigEndian ? b >>> (7 - (q & 7)) & 1 : b >>> (q & 7) & 1;
      v |= (long) bit << k;
    }
    return v;
  }

  /**
   * Puts the low {@code bits} bits of {@code value} where {@link #getBits} reads them; other bits
   * stay.
   */
  public static void putBits(
      ByteBuffer buf, int index, int bitOffset, int bits, boolean bigEndian, long value) {
    for (int k = 0; k < bits; k++) {
      int q = bitOffset + (bigEndian ? bits - 1 - k : k);
      int mask = bigEndian ? 0x80 >>> (q & 7) : 1 << (q & 7);
      int b = buf.get(index + (q >>> 3));
      b = (value >>> k & 1) != 0 ? b | mask : b & ~mask;
      buf.put(index + (q >>> 3), (byte) b);
    }
  }

  /**
   * The number of elements of a flexible array at {@code index}, {@code count} (unsigned), after
   * checking that they all lie within {@code buf.limit()}.
   *
   * @throws IndexOutOfBoundsException naming the member, the count and the limit
   */
  public static int flexibleCount(
      ByteBuffer buf, int index, long count, int elementSize, String member) {
    return flexibleCount(buf, index, count, elementSize, member, false);
  }

  /**
   * As {@link #flexibleCount(ByteBuffer, int, long, int, String)}, with {@code count} signed when
   * {@code signed} (a signed count member's value, or a caller's {@code int}): a negative one is
   * written as such in the message.
   *
   * @throws IndexOutOfBoundsException naming the member, the count and the limit
   */
  public static int flexibleCount(
      ByteBuffer buf, int index, long count, int elementSize, String member, boolean signed) {
    if (count < 0 || count > (long) (buf.limit() - index) / elementSize) {
      throw new IndexOutOfBoundsException(
          member
              + ": "
              + countText(count, signed)
              + " elements of "
              + elementSize
              + " bytes from offset "
              + index
              + " do not fit in a buffer with limit "
              + buf.limit());
    }
    return arrayCount(count, elementSize, member);
  }

  /**
   * The most bytes one struct value covers, and the most elements a Java array holds: the JDK's own
   * limit for arrays ({@code Integer.MAX_VALUE - 8}), beyond which the VM may refuse to allocate
   * one however much memory there is.
   */
  private static final int MAX_BYTES = Integer.MAX_VALUE - 8;

  /**
   * {@code count}, which the buffer or segment holds, as an {@code int}, unless its elements are
   * more bytes than one struct value covers.
   *
   * @throws IndexOutOfBoundsException naming the member and the count
   */
  private static int arrayCount(long count, int elementSize, String member) {
    if (count > MAX_BYTES / elementSize) {
      throw new IndexOutOfBoundsException(
          member
              + ": "
              + count
              + " elements of "
              + elementSize
              + " bytes are more than one struct value covers ("
              + MAX_BYTES
              + " bytes; a Java array holds no more)");
    }
    return (int) count;
  }

  /**
   * As {@link #flexibleCount(ByteBuffer, int, long, int, String)} for a {@code MemorySegment} of
   * {@code byteSize} bytes, whose {@code byteSize()} the caller passes.
   *
   * @throws IndexOutOfBoundsException naming the member, the count and the segment's size
   */
  public static int flexibleCount(
      long byteSize, long index, long count, int elementSize, String member) {
    return flexibleCount(byteSize, index, count, elementSize, member, false);
  }

  /**
   * As {@link #flexibleCount(long, long, long, int, String)}, with {@code count} signed when {@code
   * signed}.
   *
   * @throws IndexOutOfBoundsException naming the member, the count and the segment's size
   */
  public static int flexibleCount(
      long byteSize, long index, long count, int elementSize, String member, boolean signed) {
    if (count < 0 || count > (byteSize - index) / elementSize) {
      throw new IndexOutOfBoundsException(
          member
              + ": "
              + countText(count, signed)
              + " elements of "
              + elementSize
              + " bytes from offset "
              + index
              + " do not fit in a segment of "
              + byteSize
              + " bytes");
    }
    return arrayCount(count, elementSize, member);
  }

  /**
   * {@code bytes} with the low {@code bits} bits of {@code value} put where {@link #getBits} reads
   * them from index 0, other bits unchanged: the copy a {@code MemorySegment} write of a bit-field
   * that no 8-byte window holds modifies and copies back.
   *
   * @return {@code bytes}
   */
  public static byte[] withBits(
      byte[] bytes, int bitOffset, int bits, boolean bigEndian, long value) {
    putBits(ByteBuffer.wrap(bytes), 0, bitOffset, bits, bigEndian, value);
    return bytes;
  }

  /**
   * The bytes a struct of {@code size} bytes covers with {@code length} elements of {@code
   * elementSize} bytes in its flexible array at {@code arrayOffset}.
   *
   * @throws IndexOutOfBoundsException if that is more than one struct value covers, in a buffer or
   *     a segment
   */
  public static int flexibleEnd(
      int size, int arrayOffset, int length, int elementSize, String struct) {
    long end = Math.max(size, arrayOffset + (long) length * elementSize);
    if (end > MAX_BYTES) {
      throw tooLong(struct, length + " elements in its flexible array make", end);
    }
    return (int) end;
  }

  /** The exception for a struct value of {@code end} bytes, more than one struct value covers. */
  private static IndexOutOfBoundsException tooLong(String struct, String what, long end) {
    return new IndexOutOfBoundsException(
        struct
            + ": "
            + what
            + " "
            + end
            + " bytes, more than one struct value covers ("
            + MAX_BYTES
            + " bytes, in a ByteBuffer or a MemorySegment)");
  }

  /**
   * The bytes a struct of {@code size} bytes covers when its last member, at {@code memberOffset},
   * is a struct that covers {@code memberBytes} with its flexible array.
   *
   * @throws IndexOutOfBoundsException if that is more than one struct value covers
   */
  public static int nestedEnd(int size, int memberOffset, int memberBytes, String struct) {
    long end = Math.max(size, memberOffset + (long) memberBytes);
    if (end > MAX_BYTES) {
      throw tooLong(struct, "its last member's flexible array makes it", end);
    }
    return (int) end;
  }

  /**
   * Throws unless a struct that ends in a flexible array, nested where C gives that array no bytes
   * (an array's element, a member followed by others), covers only its {@code SIZE}: its flexible
   * array must be empty.
   *
   * @param byteSize the bytes the value covers ({@code byteSize(value)} of its marshaller)
   * @param size its type's {@code SIZE}
   * @param member how messages name the member, e.g. {@code "pppoe_hdr.tag"}
   * @param index the element's index, or -1 for a member that is no array
   * @throws IllegalArgumentException naming the member and how many bytes its array holds
   */
  public static void checkNoFlexibleBytes(int byteSize, int size, String member, int index) {
    if (byteSize != size) {
      throw new IllegalArgumentException(
          element(member, index)
              + " holds "
              + (byteSize - size)
              + " bytes in its flexible array; C gives that array no bytes "
              + (index < 0 ? "before the members that follow" : "in an array of its type")
              + ": leave it empty");
    }
  }

  /**
   * Throws unless a flexible array has as many elements as its count member says.
   *
   * @throws IllegalArgumentException {@code "s.entries has 3 elements but s.nr says 4"}
   */
  public static void checkFlexibleLength(
      int length, long count, String member, String countMember) {
    checkFlexibleLength(length, count, member, countMember, false);
  }

  /**
   * As {@link #checkFlexibleLength(int, long, String, String)}, with {@code count} signed when
   * {@code signed} (the count member's width is): {@code "s.entries has 0 elements but s.nr says
   * -3"}.
   *
   * @throws IllegalArgumentException naming the member, its length and the count
   */
  public static void checkFlexibleLength(
      int length, long count, String member, String countMember, boolean signed) {
    if (length != count) {
      throw new IllegalArgumentException(countMismatch(length, count, member, countMember, signed));
    }
  }

  /**
   * Throws unless a flexible array of arrays ({@code T x[][6]}) holds exactly the rows its count
   * member says: {@code count} rows of {@code perRow} elements.
   *
   * @throws IllegalArgumentException {@code "member has 10 elements but countMember says 2 rows of
   *     6"}
   */
  public static void checkFlexibleRows(
      int length, long count, int perRow, String member, String countMember) {
    checkFlexibleRows(length, count, perRow, member, countMember, false);
  }

  /**
   * As {@link #checkFlexibleRows(int, long, int, String, String)}, with {@code count} signed when
   * {@code signed}.
   *
   * @throws IllegalArgumentException naming the member, its length, the count and the row length
   */
  public static void checkFlexibleRows(
      int length, long count, int perRow, String member, String countMember, boolean signed) {
    if (count < 0 || count > Integer.MAX_VALUE || length != count * perRow) {
      throw new IllegalArgumentException(
          countMismatch(length, count, member, countMember, signed) + " rows of " + perRow);
    }
  }

  private static String countMismatch(
      int length, long count, String member, String countMember, boolean signed) {
    return member
        + " has "
        + length
        + " elements but "
        + countMember
        + " says "
        + countText(count, signed);
  }

  /** A count as its member holds it: a {@code u64}'s raw bits unsigned, a signed one as such. */
  private static String countText(long count, boolean signed) {
    return signed ? Long.toString(count) : Long.toUnsignedString(count);
  }

  /**
   * Throws unless a flexible array of arrays whose rows the caller counts holds whole rows.
   *
   * @throws IllegalArgumentException {@code "member has 10 elements, not whole rows of 6"}
   */
  public static void checkWholeRows(int length, int perRow, String member) {
    if (length % perRow != 0) {
      throw new IllegalArgumentException(
          member + " has " + length + " elements, not whole rows of " + perRow);
    }
  }

  /**
   * The exception for a union value with two members set, which no write can represent.
   *
   * @param union how C names the union: {@code union u}
   */
  public static IllegalArgumentException twoMembersSet(String union, Object first, Object second) {
    return new IllegalArgumentException(
        union
            + ": members "
            + first
            + " and "
            + second
            + " are both set; set"
            + " exactly one (the others null or 0), or name it: write(value, Member."
            + second
            + ", buf, offset)");
  }

  // ---------------------------------------------------------------- codecs

  /** An ABI class's static {@code read(ByteBuffer, int)}. */
  @FunctionalInterface
  public interface Reader<T> {
    /** Reads the struct at {@code offset}. */
    T read(ByteBuffer buf, int offset);
  }

  /** An ABI class's static {@code write(T, ByteBuffer, int)}. */
  @FunctionalInterface
  public interface Writer<T> {
    /** Writes {@code value} at {@code offset}. */
    void write(T value, ByteBuffer buf, int offset);
  }

  /** Each ABI class's ABI and codec, made on first use. */
  private static final ClassValue<Slot> CODECS =
      new ClassValue<>() {
        @Override
        protected Slot computeValue(Class<?> type) {
          return new Slot(type.getSimpleName().toLowerCase(Locale.ROOT));
        }
      };

  /** The ABI an ABI class is named after ({@code X86_64}: {@code x86_64}), and its codec. */
  private static final class Slot {
    final String abi;
    final AtomicReference<AbiCodec<?>> codec = new AtomicReference<>();

    Slot(String abi) {
      this.abi = abi;
    }
  }

  /**
   * The codec of one struct on one ABI, delegating to the static {@code read(ByteBuffer, int)} and
   * {@code write(T, ByteBuffer, int)} of that ABI's class; the same instance on every call. The
   * calls go through a {@link Reader} and a {@link Writer} made for those two methods by the JVM's
   * lambda factory, exactly as for the method references {@code X86_64::read} and {@code
   * X86_64::write}, so that the JIT compiles a codec call into a direct call.
   *
   * @param lookup {@code MethodHandles.lookup()} of the marshaller, which may access {@code
   *     abiClass}
   * @param abiClass the ABI's nested class: {@code FooMarshaller.X86_64.class}
   * @param abi the ABI's name: {@code x86_64}; the codec's {@code toString()} is {@code
   *     FooMarshaller.codec("x86_64")}
   * @throws IllegalArgumentException if {@code abiClass} has no such methods
   */
  public static <T> AbiCodec<T> codec(
      MethodHandles.Lookup lookup, Class<?> abiClass, String abi, int size, int alignment) {
    AtomicReference<AbiCodec<?>> slot = CODECS.get(abiClass).codec;
    AbiCodec<T> codec = made(slot);
    return codec != null ? codec : make(slot, lookup, abiClass, abi, size, alignment);
  }

  /**
   * What a marshaller's {@code codec(String abi)} returns: the codec of the ABI class among {@code
   * abiClass} (the marshaller's, one per ABI it was generated for) named after {@code abi}: whose
   * simple name in lower case is {@code abi} ({@code X86_64} for {@code x86_64}, {@code I386},
   * {@code Aarch64}). The same instance on every call, made on first use as {@link
   * #codec(MethodHandles.Lookup, Class, String, int, int)} makes it, with that class's {@code SIZE}
   * and {@code ALIGNMENT}.
   *
   * @param lookup {@code MethodHandles.lookup()} of the marshaller
   * @param struct how C names the struct, for the message: {@code struct xen_add_to_physmap}
   * @param abi the ABI asked for, or null
   * @throws IllegalArgumentException if no class is named after {@code abi}: {@code "no codec of
   *     struct s for ABI sparc; generated for x86_64, i386 (...)"}
   */
  public static <T> AbiCodec<T> codec(
      MethodHandles.Lookup lookup, String struct, String abi, Class<?> abiClass) {
    return codecOf(lookup, struct, abi, abiClass);
  }

  /** As {@link #codec(MethodHandles.Lookup, String, String, Class)} for two ABIs. */
  public static <T> AbiCodec<T> codec(
      MethodHandles.Lookup lookup, String struct, String abi, Class<?> first, Class<?> second) {
    return codecOf(lookup, struct, abi, first, second);
  }

  /** As {@link #codec(MethodHandles.Lookup, String, String, Class)} for three ABIs. */
  public static <T> AbiCodec<T> codec(
      MethodHandles.Lookup lookup,
      String struct,
      String abi,
      Class<?> first,
      Class<?> second,
      Class<?> third) {
    return codecOf(lookup, struct, abi, first, second, third);
  }

  private static <T> AbiCodec<T> codecOf(
      MethodHandles.Lookup lookup, String struct, String abi, Class<?>... abiClasses) {
    for (Class<?> abiClass : abiClasses) {
      Slot slot = CODECS.get(abiClass);
      if (slot.abi.equals(abi)) {
        AbiCodec<T> codec = made(slot.codec);
        return codec != null
            ? codec
            : make(
                slot.codec,
                lookup,
                abiClass,
                abi,
                constant(lookup, abiClass, "SIZE"),
                constant(lookup, abiClass, "ALIGNMENT"));
      }
    }
    StringJoiner generated = new StringJoiner(", ");
    for (Class<?> abiClass : abiClasses) {
      generated.add(CODECS.get(abiClass).abi);
    }
    throw noCodec(struct, abi, generated.toString());
  }

  @SuppressWarnings("unchecked")
  private static <T> AbiCodec<T> made(AtomicReference<AbiCodec<?>> slot) {
    return (AbiCodec<T>) slot.get();
  }

  /** Makes the codec of {@code slot}, unless another thread was first: the one codec either way. */
  @SuppressWarnings("unchecked")
  private static <T> AbiCodec<T> make(
      AtomicReference<AbiCodec<?>> slot,
      MethodHandles.Lookup lookup,
      Class<?> abiClass,
      String abi,
      int size,
      int alignment) {
    Class<?> marshaller = abiClass.getDeclaringClass();
    slot.compareAndSet(
        null,
        new Codec<>(
            (marshaller == null ? abiClass : marshaller).getSimpleName()
                + ".codec(\""
                + abi
                + "\")",
            size,
            alignment,
            (Reader<T>) function(lookup, abiClass, Reader.class),
            (Writer<T>) function(lookup, abiClass, Writer.class)));
    return made(slot);
  }

  /** The value of the ABI class's {@code static final int} {@code name}, its own or inherited. */
  private static int constant(MethodHandles.Lookup lookup, Class<?> abiClass, String name) {
    try {
      return (int) lookup.findStaticGetter(abiClass, name, int.class).invokeExact();
    } catch (Throwable e) {
      throw new IllegalArgumentException(
          abiClass.getName() + " has no usable static int " + name + ": " + e, e);
    }
  }

  /**
   * An instance of {@code type} ({@link Reader} or {@link Writer}) calling the ABI class's static
   * method.
   */
  private static Object function(MethodHandles.Lookup lookup, Class<?> abiClass, Class<?> type) {
    boolean read = type == Reader.class;
    try {
      Method method =
          read ? abiClass.getMethod("read", ByteBuffer.class, int.class) : findWrite(abiClass);
      MethodHandle target = lookup.unreflect(method);
      MethodType erased =
          read
              ? MethodType.methodType(Object.class, ByteBuffer.class, int.class)
              : MethodType.methodType(void.class, Object.class, ByteBuffer.class, int.class);
      CallSite site =
          LambdaMetafactory.metafactory(
              lookup,
              read ? "read" : "write",
              MethodType.methodType(type),
              erased,
              target,
              target.type());
      return site.getTarget().invoke();
    } catch (Throwable e) {
      throw new IllegalArgumentException(
          abiClass.getName()
              + " has no usable static "
              + (read ? "read(ByteBuffer, int)" : "write(T, ByteBuffer, int)")
              + ": "
              + e,
          e);
    }
  }

  private static Method findWrite(Class<?> abiClass) throws NoSuchMethodException {
    for (Method m : abiClass.getMethods()) {
      Class<?>[] p = m.getParameterTypes();
      if (m.getName().equals("write")
          && Modifier.isStatic(m.getModifiers())
          && p.length == 3
          && p[1] == ByteBuffer.class
          && p[2] == int.class) {
        return m;
      }
    }
    throw new NoSuchMethodException(abiClass.getName() + ".write(T, ByteBuffer, int)");
  }

  /**
   * The exception {@code FooMarshaller.codec(abi)} throws for an ABI it was not generated for.
   *
   * @param struct {@code struct xen_add_to_physmap}
   * @param generated the ABIs it was generated for: {@code x86_64, i386}
   */
  public static IllegalArgumentException noCodec(String struct, String abi, String generated) {
    return new IllegalArgumentException(
        "no codec of "
            + struct
            + " for ABI "
            + abi
            + "; generated for "
            + generated
            + " (the ABIs of -Aabiguard.abis the mirror is for)");
  }

  private static final class Codec<T> implements AbiCodec<T> {
    private final String name;
    private final int size;
    private final int alignment;
    private final Reader<T> reader;
    private final Writer<T> writer;

    Codec(String name, int size, int alignment, Reader<T> reader, Writer<T> writer) {
      this.name = name;
      this.size = size;
      this.alignment = alignment;
      this.reader = reader;
      this.writer = writer;
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public int alignment() {
      return alignment;
    }

    @Override
    public T read(ByteBuffer buf, int offset) {
      return reader.read(buf, offset);
    }

    @Override
    public void write(T value, ByteBuffer buf, int offset) {
      writer.write(value, buf, offset);
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
