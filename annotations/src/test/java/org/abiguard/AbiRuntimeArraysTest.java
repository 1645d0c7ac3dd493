package org.abiguard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The runtime's calls that move or check a whole array of 2-, 4- or 8-byte integers: each element
 * at its place from the index, in the struct's byte order whatever the buffer's ({@code swap}),
 * widened as C's type says, and nothing around the array touched; a check names the first element
 * that does not fit, by index, after the array's null and length checks.
 */
class AbiRuntimeArraysTest {
  /** The little-endian bytes of 0x8001, 0x7FFE, 0xFFFF at 3, 5, 7, in a buffer of {@code order}. */
  private static ByteBuffer shorts(ByteOrder order) {
    ByteBuffer buf = ByteBuffer.allocate(12).order(order);
    byte[] bytes = {0, 0, 0, 0x01, (byte) 0x80, (byte) 0xFE, 0x7F, (byte) 0xFF, (byte) 0xFF, 0, 0};
    buf.put(0, bytes);
    return buf;
  }

  /** Whether a buffer of {@code order} needs its bytes reversed for a little-endian struct. */
  private static boolean swap(ByteBuffer buf) {
    return AbiRuntime.swapForLittleEndian(buf);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void shortsAreReadRawSignExtendedOrZeroExtended(boolean bigEndianBuffer) {
    ByteBuffer buf = shorts(bigEndianBuffer ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    short[] raw = new short[3];
    AbiRuntime.getShorts(buf, 3, raw, 3, swap(buf));
    assertArrayEquals(new short[] {(short) 0x8001, 0x7FFE, -1}, raw);
    int[] signedInts = new int[3];
    AbiRuntime.getShorts(buf, 3, signedInts, 3, swap(buf));
    assertArrayEquals(new int[] {-32767, 32766, -1}, signedInts);
    long[] signedLongs = new long[3];
    AbiRuntime.getShorts(buf, 3, signedLongs, 3, swap(buf));
    assertArrayEquals(new long[] {-32767, 32766, -1}, signedLongs);
    int[] unsignedInts = new int[3];
    AbiRuntime.getUnsignedShorts(buf, 3, unsignedInts, 3, swap(buf));
    assertArrayEquals(new int[] {0x8001, 0x7FFE, 0xFFFF}, unsignedInts);
    long[] unsignedLongs = new long[3];
    AbiRuntime.getUnsignedShorts(buf, 3, unsignedLongs, 3, swap(buf));
    assertArrayEquals(new long[] {0x8001, 0x7FFE, 0xFFFF}, unsignedLongs);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void shortsAreWrittenAsTheirLow16Bits(boolean bigEndianBuffer) {
    ByteOrder order = bigEndianBuffer ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    byte[] expected = shorts(order).array();
    ByteBuffer buf = ByteBuffer.allocate(12).order(order);
    AbiRuntime.putShorts(buf, 3, new short[] {(short) 0x8001, 0x7FFE, -1}, 3, swap(buf));
    assertArrayEquals(expected, buf.array());
    buf = ByteBuffer.allocate(12).order(order);
    AbiRuntime.putShorts(buf, 3, new int[] {0x8001, 0x7FFE, 0xFFFF}, 3, swap(buf));
    assertArrayEquals(expected, buf.array());
    buf = ByteBuffer.allocate(12).order(order);
    AbiRuntime.putShorts(buf, 3, new long[] {-32767, 0x7FFE, -1}, 3, swap(buf));
    assertArrayEquals(expected, buf.array());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void intsAreReadRawSignExtendedOrZeroExtendedAndWrittenAsTheirLow32Bits(boolean bigEndianBuffer) {
    ByteOrder order = bigEndianBuffer ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    ByteBuffer buf = ByteBuffer.allocate(14).order(order);
    byte[] bytes = {0, 0x01, 0, 0, (byte) 0x80, (byte) 0xFE, (byte) 0xFF, (byte) 0xFF, 0x7F};
    buf.put(1, bytes);
    int[] raw = new int[2];
    AbiRuntime.getInts(buf, 2, raw, 2, swap(buf));
    assertArrayEquals(new int[] {0x8000_0001, 0x7FFF_FFFE}, raw);
    long[] signed = new long[2];
    AbiRuntime.getInts(buf, 2, signed, 2, swap(buf));
    assertArrayEquals(new long[] {-2147483647L, 2147483646L}, signed);
    long[] unsigned = new long[2];
    AbiRuntime.getUnsignedInts(buf, 2, unsigned, 2, swap(buf));
    assertArrayEquals(new long[] {0x8000_0001L, 0x7FFF_FFFEL}, unsigned);

    ByteBuffer fromInts = ByteBuffer.allocate(14).order(order);
    AbiRuntime.putInts(fromInts, 2, new int[] {0x8000_0001, 0x7FFF_FFFE}, 2, swap(fromInts));
    assertArrayEquals(buf.array(), fromInts.array());
    ByteBuffer fromLongs = ByteBuffer.allocate(14).order(order);
    AbiRuntime.putInts(fromLongs, 2, new long[] {0x8000_0001L, 0x7FFF_FFFEL}, 2, swap(fromLongs));
    assertArrayEquals(buf.array(), fromLongs.array());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void longsMoveAsTheyAre(boolean bigEndianBuffer) {
    ByteOrder order = bigEndianBuffer ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    ByteBuffer buf = ByteBuffer.allocate(20).order(order);
    long[] values = {0x8000_0000_0000_0001L, 0x0102_0304_0506_0708L};
    AbiRuntime.putLongs(buf, 2, values, 2, swap(buf));
    assertEquals(0x01, buf.get(2));
    assertEquals((byte) 0x80, buf.get(9));
    assertEquals(0x08, buf.get(10));
    assertEquals(0x01, buf.get(17));
    long[] back = new long[2];
    AbiRuntime.getLongs(buf, 2, back, 2, swap(buf));
    assertArrayEquals(values, back);
  }

  /**
   * A get fills {@code count} elements of the array it is given (a flexible array's, or the C
   * length), and a put writes that many: nothing around them is read or written.
   */
  @Test
  void countElementsMoveAndNoMore() {
    ByteBuffer buf = ByteBuffer.allocate(8);
    AbiRuntime.putInts(buf, 2, new long[] {-1L, 7L}, 1, false);
    assertArrayEquals(new byte[] {0, 0, -1, -1, -1, -1, 0, 0}, buf.array());
    long[] one = {5, 5};
    AbiRuntime.getUnsignedInts(buf, 2, one, 1, false);
    assertArrayEquals(new long[] {0xFFFF_FFFFL, 5}, one);
    AbiRuntime.getUnsignedInts(buf, 8, new long[0], 0, false);
    assertThrows(
        IndexOutOfBoundsException.class, () -> AbiRuntime.getInts(buf, 6, new int[1], 1, false));
    assertThrows(
        IndexOutOfBoundsException.class, () -> AbiRuntime.putShorts(buf, 0, new int[1], 2, false));
  }

  @Test
  void checksOfU16AndS16NameTheElementThatDoesNotFit() {
    AbiRuntime.checkU16s(new int[] {0, 0xFFFF}, 2, "t.ports");
    AbiRuntime.checkU16s(new long[] {0, 0xFFFF}, 2, "t.ports");
    AbiRuntime.checkS16s(new int[] {-32768, 32767}, 2, "t.deltas");
    AbiRuntime.checkS16s(new long[] {-32768, 32767}, 2, "t.deltas");
    assertRange(
        "t.ports[1] = 65536 does not fit u16 (0..65535)",
        () -> AbiRuntime.checkU16s(new int[] {1, 0x10000, -1}, 3, "t.ports"));
    assertRange(
        "t.ports[0] = -1 does not fit u16 (0..65535)",
        () -> AbiRuntime.checkU16s(new long[] {-1, 0x10000}, 2, "t.ports"));
    assertRange(
        "t.deltas[2] = -32769 does not fit s16 (-32768..32767)",
        () -> AbiRuntime.checkS16s(new int[] {0, 1, -32769}, 3, "t.deltas"));
    assertRange(
        "t.deltas[1] = 32768 does not fit s16 (-32768..32767)",
        () -> AbiRuntime.checkS16s(new long[] {0, 32768}, 2, "t.deltas"));
  }

  @Test
  void checksOfU32AndS32NameTheElementThatDoesNotFit() {
    AbiRuntime.checkU32s(new long[] {0, 0xFFFF_FFFFL}, 2, "b.frames");
    AbiRuntime.checkS32s(new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE}, 2, "b.offsets");
    AbiRuntime.checkU32OfU64s(new long[] {0, 0xFFFF_FFFFL}, 2, "b.ptrs");
    assertRange(
        "b.frames[3] = 4294967296 does not fit u32 (0..4294967295)",
        () -> AbiRuntime.checkU32s(new long[] {0, 1, 2, 1L << 32}, 4, "b.frames"));
    assertRange(
        "b.frames[0] = -1 does not fit u32 (0..4294967295)",
        () -> AbiRuntime.checkU32s(new long[] {-1}, 1, "b.frames"));
    assertRange(
        "b.offsets[1] = 2147483648 does not fit s32 (-2147483648..2147483647)",
        () -> AbiRuntime.checkS32s(new long[] {0, 1L << 31}, 2, "b.offsets"));
    // an unsigned 64-bit C value's bits, written unsigned
    assertRange(
        "b.ptrs[1] = 18446744073709551615 does not fit u32 (0..4294967295)",
        () -> AbiRuntime.checkU32OfU64s(new long[] {0, -1L}, 2, "b.ptrs"));
  }

  /** Before any element: null is a NullPointerException, another length C's length. */
  @Test
  void checksRefuseNullAndAnotherLengthFirst() {
    assertNull("b.frames", () -> AbiRuntime.checkU32s(null, 4, "b.frames"));
    assertNull("b.frames", () -> AbiRuntime.checkS32s(null, 4, "b.frames"));
    assertNull("b.ptrs", () -> AbiRuntime.checkU32OfU64s(null, 4, "b.ptrs"));
    assertNull("t.ports", () -> AbiRuntime.checkU16s((int[]) null, 3, "t.ports"));
    assertNull("t.ports", () -> AbiRuntime.checkU16s((long[]) null, 3, "t.ports"));
    assertNull("t.deltas", () -> AbiRuntime.checkS16s((int[]) null, 3, "t.deltas"));
    assertNull("t.deltas", () -> AbiRuntime.checkS16s((long[]) null, 3, "t.deltas"));
    // the length is checked before the elements: -1 at [0] is not what the message says
    assertLength(
        "b.frames has 3 elements; C declares 4",
        () -> AbiRuntime.checkU32s(new long[] {-1, 0, 0}, 4, "b.frames"));
    assertLength(
        "b.offsets has 5 elements; C declares 4",
        () -> AbiRuntime.checkS32s(new long[5], 4, "b.offsets"));
    assertLength(
        "b.ptrs has 0 elements; C declares 4",
        () -> AbiRuntime.checkU32OfU64s(new long[0], 4, "b.ptrs"));
    assertLength(
        "t.ports has 2 elements; C declares 3",
        () -> AbiRuntime.checkU16s(new int[] {-1, -1}, 3, "t.ports"));
    assertLength(
        "t.ports has 4 elements; C declares 3",
        () -> AbiRuntime.checkU16s(new long[4], 3, "t.ports"));
    assertLength(
        "t.deltas has 1 elements; C declares 3",
        () -> AbiRuntime.checkS16s(new int[1], 3, "t.deltas"));
    assertLength(
        "t.deltas has 1 elements; C declares 3",
        () -> AbiRuntime.checkS16s(new long[1], 3, "t.deltas"));
  }

  private static void assertRange(String message, Runnable check) {
    assertEquals(message, assertThrows(AbiRangeException.class, check::run).getMessage());
  }

  private static void assertNull(String message, Runnable check) {
    assertEquals(message, assertThrows(NullPointerException.class, check::run).getMessage());
  }

  private static void assertLength(String message, Runnable check) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, check::run).getMessage());
  }
}
