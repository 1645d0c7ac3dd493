package org.abiguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The runtime's arithmetic for flexible arrays at its limit: a struct whose array, its own or a
 * nested struct's, reaches past what one struct value covers (the JDK's array limit, {@code
 * Integer.MAX_VALUE - 8} bytes) is refused with {@code IndexOutOfBoundsException} before anything
 * is read or written, in a {@code ByteBuffer} or a {@code MemorySegment} however large, never by an
 * {@code int} that wrapped or an {@code OutOfMemoryError}. (Through generated code this needs a
 * Java array of about 2 GiB.)
 */
class AbiRuntimeTest {
  @Test
  void aFlexibleArrayEndsAfterItsLastElementOrAtTheStructsSize() {
    assertEquals(20, AbiRuntime.flexibleEnd(12, 12, 2, 4, "struct s"));
    assertEquals(12, AbiRuntime.flexibleEnd(12, 10, 0, 4, "struct s"), "tail padding counts");
    assertEquals(
        Integer.MAX_VALUE - 8,
        AbiRuntime.flexibleEnd(8, 7, (Integer.MAX_VALUE - 15) / 8, 8, "struct s"),
        "the last byte one struct value covers");
  }

  @Test
  void aFlexibleArrayPastTwoGibibytesIsRefused() {
    IndexOutOfBoundsException e =
        assertThrows(
            IndexOutOfBoundsException.class,
            () -> AbiRuntime.flexibleEnd(8, 7, (Integer.MAX_VALUE - 15) / 8 + 1, 8, "struct s"));
    assertEquals(
        "struct s: 268435455 elements in its flexible array make 2147483647 bytes, more than one"
            + " struct value covers (2147483639 bytes, in a ByteBuffer or a MemorySegment)",
        e.getMessage());
    assertThrows(
        IndexOutOfBoundsException.class,
        () -> AbiRuntime.flexibleEnd(8, 8, Integer.MAX_VALUE, Integer.MAX_VALUE, "struct s"),
        "a product beyond int");
  }

  @Test
  void aNestedFlexibleArrayEndsWhereTheNestedStructDoes() {
    assertEquals(36, AbiRuntime.nestedEnd(32, 8, 28, "struct queued"));
    assertEquals(32, AbiRuntime.nestedEnd(32, 8, 20, "struct queued"), "inside the outer size");
    assertEquals(
        Integer.MAX_VALUE - 8,
        AbiRuntime.nestedEnd(32, 8, Integer.MAX_VALUE - 16, "struct queued"));
  }

  @Test
  void aNestedFlexibleArrayPastTwoGibibytesIsRefused() {
    IndexOutOfBoundsException e =
        assertThrows(
            IndexOutOfBoundsException.class,
            () -> AbiRuntime.nestedEnd(32, 8, Integer.MAX_VALUE - 15, "struct queued"));
    assertEquals(
        "struct queued: its last member's flexible array makes it 2147483640 bytes, more than one"
            + " struct value covers (2147483639 bytes, in a ByteBuffer or a MemorySegment)",
        e.getMessage());
  }

  /**
   * A count that a segment larger than 2 GiB holds, but no Java array or struct value can: said as
   * such (not as a bounds violation, which it is not), and before any array is allocated.
   */
  @Test
  void aCountASegmentHoldsButNoArrayCanIsRefusedForWhatItIs() {
    long sixGib = 6L << 30;
    assertEquals(
        Integer.MAX_VALUE - 8,
        AbiRuntime.flexibleCount(sixGib, 4, Integer.MAX_VALUE - 8, 1, "b.d"));
    IndexOutOfBoundsException bytes =
        assertThrows(
            IndexOutOfBoundsException.class,
            () -> AbiRuntime.flexibleCount(sixGib, 4, Integer.MAX_VALUE, 1, "b.d"));
    assertEquals(
        "b.d: 2147483647 elements of 1 bytes are more than one struct value covers (2147483639"
            + " bytes; a Java array holds no more)",
        bytes.getMessage());
    IndexOutOfBoundsException longs =
        assertThrows(
            IndexOutOfBoundsException.class,
            () -> AbiRuntime.flexibleCount(sixGib, 8, 1L << 28, 8, "l.data"));
    assertEquals(
        "l.data: 268435456 elements of 8 bytes are more than one struct value covers (2147483639"
            + " bytes; a Java array holds no more)",
        longs.getMessage());
    IndexOutOfBoundsException past =
        assertThrows(
            IndexOutOfBoundsException.class,
            () -> AbiRuntime.flexibleCount(sixGib, 4, 0xFFFF_FFFFL * 2, 1, "b.d"));
    assertEquals(
        "b.d: 8589934590 elements of 1 bytes from offset 4 do not fit in a segment of 6442450944"
            + " bytes",
        past.getMessage());
  }

  /** An unsigned long's or pointer's bits above 2^63 are written unsigned, as C sees them. */
  @Test
  void aU64sBitsCheckedAgainstU32AreNamedUnsigned() {
    AbiRuntime.checkU32OfU64(0xFFFF_FFFFL, "l.ptr");
    AbiRangeException e =
        assertThrows(AbiRangeException.class, () -> AbiRuntime.checkU32OfU64(-1L, "l.idx"));
    assertEquals("l.idx = 18446744073709551615 does not fit u32 (0..4294967295)", e.getMessage());
    AbiRangeException element =
        assertThrows(
            AbiRangeException.class, () -> AbiRuntime.checkU32OfU64(1L << 32, "l.ptrs", 3));
    assertEquals("l.ptrs[3] = 4294967296 does not fit u32 (0..4294967295)", element.getMessage());
  }

  /** Where C gives a nested flexible array no bytes, any element in it is refused, by name. */
  @Test
  void aFlexibleArrayWithoutBytesMustBeEmpty() {
    AbiRuntime.checkNoFlexibleBytes(8, 8, "report.grec", 1);
    IllegalArgumentException element =
        assertThrows(
            IllegalArgumentException.class,
            () -> AbiRuntime.checkNoFlexibleBytes(12, 8, "report.grec", 1));
    assertEquals(
        "report.grec[1] holds 4 bytes in its flexible array; C gives that array no bytes in an"
            + " array of its type: leave it empty",
        element.getMessage());
    IllegalArgumentException member =
        assertThrows(
            IllegalArgumentException.class,
            () -> AbiRuntime.checkNoFlexibleBytes(16, 8, "pair.first", -1));
    assertEquals(
        "pair.first holds 8 bytes in its flexible array; C gives that array no bytes before the"
            + " members that follow: leave it empty",
        member.getMessage());
  }
}
