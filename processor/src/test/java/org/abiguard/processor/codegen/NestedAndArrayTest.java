package org.abiguard.processor.codegen;

import static org.abiguard.processor.codegen.Buffers.FILL;
import static org.abiguard.processor.codegen.Buffers.assertUntouched;
import static org.abiguard.processor.codegen.Buffers.filled;
import static org.abiguard.processor.codegen.Buffers.slice;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.abiguard.AbiCodec;
import org.abiguard.AbiRangeException;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.model.StructModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Nested structs, arrays of integers and of structs, records, and write's all-or-nothing checks.
 */
class NestedAndArrayTest {
  private static LoadedMarshallers generated;

  @BeforeAll
  static void compile() {
    generated =
        LoadedMarshallers.compile(
            List.of(TargetAbi.values()), RichStructs.all().toArray(new StructModel[0]));
  }

  private static Map<String, Object> inner(int tag, long value) {
    return Map.of("tag", tag, "value", value);
  }

  private static Map<String, Object> richValues() {
    Map<String, Object> values = new HashMap<>();
    values.put("flag", (byte) 0x81);
    values.put("inner", inner(0xFE, 0xCAFEBABEL));
    values.put("chars", new char[] {'\uFFFF', 'A', '\u8001'});
    values.put(
        "points",
        List.of(Map.of("x", (short) -2, "y", 32767), Map.of("x", Short.MIN_VALUE, "y", -32768)));
    values.put("ptr", 0x1234_5678L);
    values.put("delta", -5L);
    values.put("big", Long.MIN_VALUE + 7);
    values.put("aligned", 0xFFFF_FFFFL);
    values.put("other", Map.of("id", -1L));
    values.put("inners", List.of(inner(1, 2), inner(255, 0x8000_0000L)));
    values.put("tail", (short) 255);
    return values;
  }

  @Test
  void offsetsOfNestedStructsAndArraysFollowCLayout() {
    // x86_64: flag 0, inner 4, chars 12, points 18, ptr 32, delta 40, big 48, aligned 64
    // (aligned(16)),
    // other 72, inners 80, tail 96, sizeof 112, _Alignof 16
    int[] x86 = {0, 4, 12, 18, 32, 40, 48, 64, 72, 80, 96};
    // i386: pointers and longs are 4 bytes, 8-byte integers 4-aligned
    int[] i386 = {0, 4, 12, 18, 28, 32, 36, 48, 52, 60, 76};
    String[] constants = {
      "OFFSET_FLAG",
      "OFFSET_INNER",
      "OFFSET_CHARS",
      "OFFSET_POINTS",
      "OFFSET_PTR",
      "OFFSET_DELTA",
      "OFFSET_BIG",
      "OFFSET_ALIGNED",
      "OFFSET_OTHER",
      "OFFSET_INNERS",
      "OFFSET_TAIL"
    };
    for (int i = 0; i < constants.length; i++) {
      assertEquals(
          x86[i], generated.constant(RichStructs.RICH, "X86_64", constants[i]), constants[i]);
      assertEquals(x86[i], generated.constant(RichStructs.RICH, null, constants[i]), constants[i]);
      assertEquals(
          i386[i], generated.constant(RichStructs.RICH, "I386", constants[i]), constants[i]);
    }
    assertEquals(112, generated.codec(RichStructs.RICH, "x86_64").size());
    assertEquals(16, generated.codec(RichStructs.RICH, "x86_64").alignment());
    assertEquals(80, generated.codec(RichStructs.RICH, "i386").size());
    assertEquals(112, generated.codec(RichStructs.RICH, "aarch64").size());
  }

  @ParameterizedTest
  @EnumSource(TargetAbi.class)
  void everyKindOfMemberRoundTripsAndLandsWhereCPutsIt(TargetAbi abi) {
    AbiCodec<Object> codec = generated.codec(RichStructs.RICH, abi.manifestName());
    Object rich = generated.newMirror(RichStructs.RICH, richValues());
    ByteBuffer buf = filled(codec.size() + 8, ByteOrder.BIG_ENDIAN);
    codec.write(rich, buf, 4);
    assertEquals(
        generated.toMap(RichStructs.RICH, rich),
        generated.toMap(RichStructs.RICH, codec.read(buf, 4)));
    boolean lp64 = abi != TargetAbi.I386;
    int base = 4;
    assertEquals((byte) 0x81, buf.get(base));
    assertArrayEquals(new byte[] {0, 0, 0}, slice(buf, base + 1, 3), "padding after flag");
    assertArrayEquals(
        new byte[] {(byte) 0xFE, 0, 0, 0, (byte) 0xBE, (byte) 0xBA, (byte) 0xFE, (byte) 0xCA},
        slice(buf, base + 4, 8),
        "struct inner, little endian, with its padding");
    assertArrayEquals(
        new byte[] {(byte) 0xFF, (byte) 0xFF, 0x41, 0, 0x01, (byte) 0x80},
        slice(buf, base + 12, 6));
    assertArrayEquals(
        new byte[] {(byte) 0xFE, (byte) 0xFF, (byte) 0xFF, 0x7F, 0, (byte) 0x80, 0, (byte) 0x80},
        slice(buf, base + 18, 8),
        "points");
    int delta = base + (lp64 ? 40 : 32);
    assertArrayEquals(
        lp64 ? new byte[] {-5, -1, -1, -1, -1, -1, -1, -1} : new byte[] {-5, -1, -1, -1},
        slice(buf, delta, lp64 ? 8 : 4),
        "signed long");
    assertEquals((byte) 0xFF, buf.get(base + (lp64 ? 96 : 76)), "tail");
    assertEquals(FILL, buf.get(base + codec.size()), "byte after the struct");
  }

  @Test
  void bigEndianRecordWithLittleEndianNestedStruct() {
    AbiCodec<Object> codec = generated.codec(RichStructs.RICH_BIG, "x86_64");
    Map<String, Object> values =
        Map.of(
            "bytes",
            new byte[] {-128, -1, 0, 1, 127},
            "words",
            new int[] {0x01020304, -1},
            "inner",
            inner(7, 0x0A0B0C0DL),
            "last",
            0xBEEF);
    Object record = generated.newMirror(RichStructs.RICH_BIG, values);
    ByteBuffer buf = ByteBuffer.allocate(codec.size()).order(ByteOrder.LITTLE_ENDIAN);
    codec.write(record, buf, 0);
    assertArrayEquals(
        new byte[] {
          -128,
          -1,
          0,
          1,
          127,
          0,
          0,
          0, // int8_t bytes[5], 3 bytes padding
          1,
          2,
          3,
          4,
          -1,
          -1,
          -1,
          -1, // uint32_t words[2], big endian
          7,
          0,
          0,
          0,
          0x0D,
          0x0C,
          0x0B,
          0x0A, // struct inner: its own (little) endianness
          (byte) 0xBE,
          (byte) 0xEF,
          0,
          0
        }, // uint16_t last, big endian, tail padding
        buf.array());
    assertEquals(
        generated.toMap(RichStructs.RICH_BIG, record),
        generated.toMap(RichStructs.RICH_BIG, codec.read(buf, 0)));
  }

  @Test
  void nullsWrongLengthsAndOutOfRangeNestedValuesAreRejectedBeforeAnyByteIsWritten() {
    AbiCodec<Object> codec = generated.codec(RichStructs.RICH, "x86_64");
    assertRejected(codec, "inner", null, NullPointerException.class, "rich.inner");
    assertRejected(codec, "chars", null, NullPointerException.class, "rich.chars");
    assertRejected(
        codec,
        "chars",
        new char[2],
        IllegalArgumentException.class,
        "rich.chars has 2 elements; C declares 3");
    assertRejected(
        codec, "inner", inner(256, 0), AbiRangeException.class, "inner.tag = 256 does not fit u8");
    assertRejected(
        codec,
        "inners",
        List.of(inner(1, 1), inner(1, -1)),
        AbiRangeException.class,
        "inner.value = -1 does not fit u32");
    assertRejected(
        codec,
        "aligned",
        0x1_0000_0000L,
        AbiRangeException.class,
        "rich.aligned = 4294967296 does not fit u32 (0..4294967295)");
    assertRejected(
        codec, "tail", (short) -1, AbiRangeException.class, "rich.tail = -1 does not fit u8");
  }

  @Test
  void nullElementsOfStructArraysAreNamed() throws Exception {
    AbiCodec<Object> codec = generated.codec(RichStructs.RICH, "i386");
    Object rich = generated.newMirror(RichStructs.RICH, richValues());
    Field inners = rich.getClass().getDeclaredField("inners");
    inners.setAccessible(true);
    ((Object[]) inners.get(rich))[1] = null;
    ByteBuffer buf = filled(codec.size(), ByteOrder.LITTLE_ENDIAN);
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> codec.write(rich, buf, 0));
    assertEquals("rich.inners[1] is null", e.getMessage());
    assertUntouched(buf, "null element");
  }

  private static void assertRejected(
      AbiCodec<Object> codec,
      String member,
      Object value,
      Class<? extends RuntimeException> type,
      String message) {
    Map<String, Object> values = richValues();
    values.put(member, value);
    Object rich = generated.newMirror(RichStructs.RICH, values);
    if (value == null) {
      setNull(rich, member);
    }
    ByteBuffer buf = filled(codec.size() + 4, ByteOrder.LITTLE_ENDIAN);
    RuntimeException e = assertThrows(type, () -> codec.write(rich, buf, 2), member);
    assertTrue(e.getMessage().contains(message), e.getMessage());
    assertUntouched(buf, member + " = " + value);
  }

  private static void setNull(Object mirror, String member) {
    try {
      Field field = mirror.getClass().getDeclaredField(member);
      field.setAccessible(true);
      field.set(mirror, null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
