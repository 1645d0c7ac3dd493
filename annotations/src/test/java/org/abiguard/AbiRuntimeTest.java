package org.abiguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The runtime's arithmetic for flexible arrays at its limit: a struct whose array, its own or a
 * nested struct's, reaches past what a {@code ByteBuffer} can address is refused with {@code
 * IndexOutOfBoundsException} before anything is read or written, never by an {@code int} that
 * wrapped. (Through generated code this needs a Java array of about 2 GiB.)
 */
class AbiRuntimeTest {
  @Test
  void aFlexibleArrayEndsAfterItsLastElementOrAtTheStructsSize() {
    assertEquals(20, AbiRuntime.flexibleEnd(12, 12, 2, 4, "struct s"));
    assertEquals(12, AbiRuntime.flexibleEnd(12, 10, 0, 4, "struct s"), "tail padding counts");
    assertEquals(
        Integer.MAX_VALUE,
        AbiRuntime.flexibleEnd(8, 7, (Integer.MAX_VALUE - 7) / 8, 8, "struct s"),
        "the last byte a buffer can hold");
  }

  @Test
  void aFlexibleArrayPastTwoGibibytesIsRefused() {
    IndexOutOfBoundsException e =
        assertThrows(
            IndexOutOfBoundsException.class,
            () -> AbiRuntime.flexibleEnd(8, 7, (Integer.MAX_VALUE - 7) / 8 + 1, 8, "struct s"));
    assertEquals("struct s: 268435456 elements do not fit in a ByteBuffer", e.getMessage());
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
        Integer.MAX_VALUE, AbiRuntime.nestedEnd(32, 8, Integer.MAX_VALUE - 8, "struct queued"));
  }

  @Test
  void aNestedFlexibleArrayPastTwoGibibytesIsRefused() {
    IndexOutOfBoundsException e =
        assertThrows(
            IndexOutOfBoundsException.class,
            () -> AbiRuntime.nestedEnd(32, 8, Integer.MAX_VALUE - 7, "struct queued"));
    assertEquals("struct queued: its flexible array does not fit in a ByteBuffer", e.getMessage());
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
