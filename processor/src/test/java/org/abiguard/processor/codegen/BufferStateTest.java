package org.abiguard.processor.codegen;

import static org.abiguard.processor.codegen.Buffers.assertUntouched;
import static org.abiguard.processor.codegen.Buffers.filled;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.util.Map;
import org.abiguard.AbiCodec;
import org.abiguard.AbiRangeException;
import org.abiguard.processor.model.StructModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bounds, and a buffer's position, limit and order, which read and write never change. */
class BufferStateTest {
  private static final StructModel XATP = Xen.addToPhysmap();
  private static LoadedMarshallers generated;
  private static AbiCodec<Object> x86;

  @BeforeAll
  static void compile() {
    generated = LoadedMarshallers.compile(XATP);
    x86 = generated.codec(XATP, "x86_64");
  }

  private static Object xatp() {
    return generated.newMirror(
        XATP, Map.of("domid", 0x7FF0, "size", 3, "space", 0xFFFF_FFFFL, "idx", -1L, "gpfn", 9L));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, Integer.MIN_VALUE, 9, 31, Integer.MAX_VALUE})
  void readOfAStructEndingPastTheLimitThrowsNamingStructOffsetSizeAndLimit(int offset) {
    ByteBuffer buf = ByteBuffer.allocate(64).limit(32);
    IndexOutOfBoundsException e =
        assertThrows(IndexOutOfBoundsException.class, () -> x86.read(buf, offset));
    assertEquals(
        "struct xen_add_to_physmap (x86_64, 24 bytes) at offset "
            + offset
            + " does not fit in a buffer with limit 32",
        e.getMessage());
  }

  @Test
  void readAndWriteUpToTheLimitExactly() {
    ByteBuffer buf = ByteBuffer.allocate(30).limit(26);
    x86.write(xatp(), buf, 2);
    assertEquals(generated.toMap(XATP, xatp()), generated.toMap(XATP, x86.read(buf, 2)));
    assertThrows(IndexOutOfBoundsException.class, () -> x86.read(buf, 3));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 9, 17})
  void writePastTheLimitThrowsAndWritesNothing(int offset) {
    ByteBuffer buf = filled(40, ByteOrder.LITTLE_ENDIAN).limit(32);
    assertThrows(IndexOutOfBoundsException.class, () -> x86.write(xatp(), buf, offset));
    assertUntouched(buf, "offset " + offset);
  }

  @Test
  void aValueThatDoesNotFitIsReportedBeforeTheBoundsAndNothingIsWritten() {
    Object bad = generated.newMirror(XATP, Map.of("space", 0x1_0000_0000L));
    ByteBuffer buf = filled(8, ByteOrder.LITTLE_ENDIAN);
    AbiRangeException e = assertThrows(AbiRangeException.class, () -> x86.write(bad, buf, 0));
    assertEquals(
        "xen_add_to_physmap.space = 4294967296 does not fit u32 (0..4294967295)", e.getMessage());
    assertUntouched(buf, "range");
  }

  @Test
  void nullValueOrBufferIsRejected() {
    ByteBuffer buf = filled(24, ByteOrder.LITTLE_ENDIAN);
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> x86.write(null, buf, 0));
    assertEquals("struct xen_add_to_physmap", e.getMessage());
    assertThrows(NullPointerException.class, () -> x86.write(xatp(), null, 0));
    assertThrows(NullPointerException.class, () -> x86.read(null, 0));
    assertUntouched(buf, "null");
  }

  @Test
  void readOnlyBufferIsNotWritten() {
    ByteBuffer buf = filled(24, ByteOrder.LITTLE_ENDIAN);
    assertThrows(ReadOnlyBufferException.class, () -> x86.write(xatp(), buf.asReadOnlyBuffer(), 0));
    assertUntouched(buf, "read-only");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void positionLimitAndOrderAreUnchangedAndTheBytesAreTheSameInEitherOrder(boolean direct) {
    byte[] expected = null;
    for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
      ByteBuffer buf =
          (direct ? ByteBuffer.allocateDirect(40) : ByteBuffer.allocate(40)).order(order);
      buf.position(5).limit(35);
      x86.write(xatp(), buf, 7);
      Object back = x86.read(buf, 7);
      assertEquals(5, buf.position());
      assertEquals(35, buf.limit());
      assertEquals(order, buf.order());
      assertEquals(generated.toMap(XATP, xatp()), generated.toMap(XATP, back));
      byte[] bytes = Buffers.slice(buf, 7, 24);
      if (expected != null) {
        assertArrayEquals(expected, bytes);
      }
      expected = bytes;
    }
    assertArrayEquals(
        new byte[] {
          (byte) 0xF0,
          0x7F,
          3,
          0,
          -1,
          -1,
          -1,
          -1,
          -1,
          -1,
          -1,
          -1,
          -1,
          -1,
          -1,
          -1,
          9,
          0,
          0,
          0,
          0,
          0,
          0,
          0
        },
        expected);
  }
}
