package org.abiguard.processor.codegen;

import static org.abiguard.processor.codegen.Reflection.get;
import static org.abiguard.processor.codegen.Reflection.set;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.abiguard.AbiRangeException;
import org.abiguard.processor.Expected.Source;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.testing.BufferCalls;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Arrays of 2-, 4- and 8-byte integers in a {@code short[]}, {@code int[]} or {@code long[]} move
 * through one call of {@code AbiRuntime} each in {@code read}, {@code write} and {@code check}
 * ({@code getUnsignedInts}, {@code putInts}, {@code checkU32s}): every such shape, on every ABI and
 * in a buffer of either byte order, lands where C puts it, reads back as it was, and is refused
 * with the element's index before any byte is written. Arrays of bytes widened into an {@code
 * int[]} keep their loop. The {@code codec(String)} of every marshaller is one call too.
 */
class WholeArrayCallsTest {
  private static final Source MIRRORS =
      Source.of(
          "p.Arr",
          """
          package p;

          import org.abiguard.*;

          public final class Arr {
            private Arr() {}

            @AbiStruct(name = "wide")
            public static class Wide {
              @U16 @AbiArray(2) public int[] u16i = new int[2];
              @S16 @AbiArray(2) public int[] s16i = new int[2];
              @U16 @AbiArray(2) public long[] u16l = new long[2];
              @S16 @AbiArray(2) public long[] s16l = new long[2];
              @U16 @AbiArray(2) public short[] u16s = new short[2];
              @S16 @AbiArray(2) public short[] s16s = new short[2];
              @U32 @AbiArray(2) public int[] u32i = new int[2];
              @S32 @AbiArray(2) public int[] s32i = new int[2];
              @U32 @AbiArray(2) public long[] u32l = new long[2];
              @S32 @AbiArray(2) public long[] s32l = new long[2];
              @U64 @AbiArray(2) public long[] u64l = new long[2];
              @S64 @AbiArray(2) public long[] s64l = new long[2];
              @Pointer @AbiArray(2) public long[] ptrs = new long[2];
              @NativeLong @AbiArray(2) public long[] ulongs = new long[2];
              @NativeLong(signed = true) @AbiArray(2) public long[] slongs = new long[2];
              @U8 @AbiArray(2) public int[] u8i = new int[2];
            }
          }
          """);

  /** Each member's C element size on LP64 and on i386, and the values written. */
  private record Member(int lp64, int i386, Object values) {}

  private static final Map<String, Member> MEMBERS = new LinkedHashMap<>();

  static {
    MEMBERS.put("u16i", new Member(2, 2, new int[] {0xFFFF, 0x8001}));
    MEMBERS.put("s16i", new Member(2, 2, new int[] {-32768, 32767}));
    MEMBERS.put("u16l", new Member(2, 2, new long[] {0xFFFF, 1}));
    MEMBERS.put("s16l", new Member(2, 2, new long[] {-1, -32768}));
    MEMBERS.put("u16s", new Member(2, 2, new short[] {(short) 0x8001, -1}));
    MEMBERS.put("s16s", new Member(2, 2, new short[] {-2, 0x7FFF}));
    MEMBERS.put("u32i", new Member(4, 4, new int[] {0x8000_0001, -1}));
    MEMBERS.put("s32i", new Member(4, 4, new int[] {Integer.MIN_VALUE, 7}));
    MEMBERS.put("u32l", new Member(4, 4, new long[] {0xFFFF_FFFFL, 0x8000_0000L}));
    MEMBERS.put("s32l", new Member(4, 4, new long[] {-1L, Integer.MIN_VALUE}));
    MEMBERS.put("u64l", new Member(8, 8, new long[] {-1L, Long.MIN_VALUE}));
    MEMBERS.put("s64l", new Member(8, 8, new long[] {Long.MIN_VALUE, 5}));
    MEMBERS.put("ptrs", new Member(8, 4, new long[] {0xFFFF_FFFFL, 0x1234}));
    MEMBERS.put("ulongs", new Member(8, 4, new long[] {0xFFFF_FFFFL, 0}));
    MEMBERS.put("slongs", new Member(8, 4, new long[] {Integer.MIN_VALUE, -1}));
    MEMBERS.put("u8i", new Member(1, 1, new int[] {255, 0}));
  }

  private static CompiledMirrors compiled;
  private static String source;

  @BeforeAll
  static void compile() throws IOException {
    compiled = CompiledMirrors.onEveryAbi(MIRRORS);
    source =
        compiled
            .compilation()
            .generatedSourceFile("p.Arr_WideMarshaller")
            .orElseThrow()
            .getCharContent(true)
            .toString();
  }

  @Test
  void compilesWithoutAnyDiagnostic() {
    compiled.assertNoDiagnostic();
  }

  @Test
  void eachArrayOfMultiByteIntegersIsOneCallInEachMethod() {
    String[] calls = {
      "AbiRuntime.getUnsignedShorts(buf, offset + OFFSET_U16I, value.u16i, 2, swap);",
      "AbiRuntime.getShorts(buf, offset + OFFSET_S16I, value.s16i, 2, swap);",
      "AbiRuntime.getUnsignedShorts(buf, offset + OFFSET_U16L, value.u16l, 2, swap);",
      "AbiRuntime.getShorts(buf, offset + OFFSET_S16L, value.s16l, 2, swap);",
      "AbiRuntime.getShorts(buf, offset + OFFSET_U16S, value.u16s, 2, swap);",
      "AbiRuntime.getShorts(buf, offset + OFFSET_S16S, value.s16s, 2, swap);",
      "AbiRuntime.getInts(buf, offset + OFFSET_U32I, value.u32i, 2, swap);",
      "AbiRuntime.getInts(buf, offset + OFFSET_S32I, value.s32i, 2, swap);",
      "AbiRuntime.getUnsignedInts(buf, offset + OFFSET_U32L, value.u32l, 2, swap);",
      "AbiRuntime.getInts(buf, offset + OFFSET_S32L, value.s32l, 2, swap);",
      "AbiRuntime.getLongs(buf, offset + OFFSET_U64L, value.u64l, 2, swap);",
      "AbiRuntime.getLongs(buf, offset + OFFSET_S64L, value.s64l, 2, swap);",
      "AbiRuntime.getLongs(buf, offset + OFFSET_PTRS, value.ptrs, 2, swap);",
      // i386: 4-byte pointers and longs in a long[]
      "AbiRuntime.getUnsignedInts(buf, offset + OFFSET_PTRS, value.ptrs, 2, swap);",
      "AbiRuntime.getUnsignedInts(buf, offset + OFFSET_ULONGS, value.ulongs, 2, swap);",
      "AbiRuntime.getInts(buf, offset + OFFSET_SLONGS, value.slongs, 2, swap);",
      "AbiRuntime.putShorts(buf, offset + OFFSET_U16I, value.u16i, 2, swap);",
      "AbiRuntime.putShorts(buf, offset + OFFSET_S16S, value.s16s, 2, swap);",
      "AbiRuntime.putInts(buf, offset + OFFSET_U32I, value.u32i, 2, swap);",
      "AbiRuntime.putInts(buf, offset + OFFSET_U32L, value.u32l, 2, swap);",
      "AbiRuntime.putLongs(buf, offset + OFFSET_U64L, value.u64l, 2, swap);",
      "AbiRuntime.putInts(buf, offset + OFFSET_PTRS, value.ptrs, 2, swap);",
      // null, length and range in one call; raw bits need the length check only
      "AbiRuntime.checkU16s(value.u16i, 2, \"wide.u16i\");",
      "AbiRuntime.checkS16s(value.s16i, 2, \"wide.s16i\");",
      "AbiRuntime.checkU16s(value.u16l, 2, \"wide.u16l\");",
      "AbiRuntime.checkS16s(value.s16l, 2, \"wide.s16l\");",
      "AbiRuntime.checkLength(value.u16s, 2, \"wide.u16s\");",
      "AbiRuntime.checkLength(value.u32i, 2, \"wide.u32i\");",
      "AbiRuntime.checkU32s(value.u32l, 2, \"wide.u32l\");",
      "AbiRuntime.checkS32s(value.s32l, 2, \"wide.s32l\");",
      "AbiRuntime.checkLength(value.ptrs, 2, \"wide.ptrs\");",
      "AbiRuntime.checkU32OfU64s(value.ptrs, 2, \"wide.ptrs\");",
      "AbiRuntime.checkU32OfU64s(value.ulongs, 2, \"wide.ulongs\");",
      "AbiRuntime.checkS32s(value.slongs, 2, \"wide.slongs\");",
      // a byte widened into an int[]: element by element
      "value.u8i[i] = buf.get(offset + OFFSET_U8I + i) & 0xFF;",
      "AbiRuntime.checkU8(value.u8i[i], \"wide.u8i\", i);",
      "return AbiRuntime.codec(MethodHandles.lookup(), \"struct wide\", abi, X86_64.class,"
          + " I386.class, Aarch64.class);",
    };
    for (String call : calls) {
      assertTrue(source.contains(call), call + " in\n" + source);
    }
    for (String gone : new String[] {"getInt(buf", "putInt(buf", "checkU32(value", ".equals("}) {
      assertFalse(source.contains(gone), gone + " in\n" + source);
    }
  }

  @ParameterizedTest
  @EnumSource(TargetAbi.class)
  void everyShapeLandsWhereCPutsItAndReadsBack(TargetAbi abi) throws Exception {
    for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
      Class<?> marshaller = compiled.loadClass("p.Arr_WideMarshaller$" + abi.className());
      Object wide = wide();
      int size = marshaller.getField("SIZE").getInt(null);
      ByteBuffer buf = Buffers.filled(size + 8, order);
      BufferCalls.write(marshaller, wide, buf, 3);
      for (Map.Entry<String, Member> m : MEMBERS.entrySet()) {
        String name = m.getKey();
        int offset =
            marshaller.getField("OFFSET_" + name.toUpperCase(java.util.Locale.ROOT)).getInt(null);
        int bytes = abi == TargetAbi.I386 ? m.getValue().i386() : m.getValue().lp64();
        Object values = m.getValue().values();
        for (int i = 0; i < Array.getLength(values); i++) {
          long value = ((Number) Array.get(values, i)).longValue();
          for (int b = 0; b < bytes; b++) {
            assertEquals(
                (byte) (value >>> (8 * b)),
                buf.get(3 + offset + i * bytes + b),
                abi.manifestName() + " " + order + " " + name + "[" + i + "] byte " + b);
          }
        }
      }
      Object back = BufferCalls.read(marshaller, buf, 3);
      for (String name : MEMBERS.keySet()) {
        assertArrayEquals(
            new Object[] {get(wide, name)},
            new Object[] {get(back, name)},
            abi.manifestName() + " " + order + " " + name);
      }
      assertEquals(order, buf.order(), "the buffer's order stays");
    }
  }

  @Test
  void anElementOutOfRangeIsNamedByIndexAndNothingIsWritten() throws Exception {
    assertRefused(
        "x86_64", "u16i", new int[] {1, 0x10000}, "wide.u16i[1] = 65536 does not fit u16");
    assertRefused(
        "x86_64", "s16i", new int[] {-32769, 0}, "wide.s16i[0] = -32769 does not fit s16");
    assertRefused("x86_64", "u16l", new long[] {0, -1}, "wide.u16l[1] = -1 does not fit u16");
    assertRefused("x86_64", "s16l", new long[] {32768, 0}, "wide.s16l[0] = 32768 does not fit s16");
    assertRefused(
        "x86_64", "u32l", new long[] {0, 1L << 32}, "wide.u32l[1] = 4294967296 does not fit u32");
    assertRefused(
        "x86_64", "s32l", new long[] {1L << 31, 0}, "wide.s32l[0] = 2147483648 does not fit s32");
    // wider on LP64 than on i386: refused there only, by the i386 class
    assertRefused(
        "i386",
        "ptrs",
        new long[] {0, -1L},
        "wide.ptrs[1] = 18446744073709551615 does not fit u32");
    assertRefused(
        "i386", "ulongs", new long[] {1L << 32, 0}, "wide.ulongs[0] = 4294967296 does not fit u32");
    assertRefused(
        "i386",
        "slongs",
        new long[] {0, -(1L << 32)},
        "wide.slongs[1] = -4294967296 does not fit s32");
    Object wide = wide();
    set(wide, "ptrs", new long[] {0, -1L});
    ByteBuffer buf = ByteBuffer.allocate(256);
    BufferCalls.write(compiled.loadClass("p.Arr_WideMarshaller"), wide, buf, 0);
  }

  /**
   * {@code AbiRuntime.codec} finds an ABI's class by its name: {@code X86_64}, {@code I386}, {@code
   * Aarch64} for {@code x86_64}, {@code i386}, {@code aarch64}.
   */
  @ParameterizedTest
  @EnumSource(TargetAbi.class)
  void everyAbisClassIsNamedAfterItSoThatItsCodecIsFound(TargetAbi abi) throws Exception {
    assertEquals(abi.manifestName(), abi.className().toLowerCase(java.util.Locale.ROOT));
    Class<?> marshaller = compiled.loadClass("p.Arr_WideMarshaller");
    Object codec = marshaller.getMethod("codec", String.class).invoke(null, abi.manifestName());
    assertEquals(
        compiled.loadClass("p.Arr_WideMarshaller$" + abi.className()).getField("SIZE").getInt(null),
        ((org.abiguard.AbiCodec<?>) codec).size());
    assertEquals("Arr_WideMarshaller.codec(\"" + abi.manifestName() + "\")", codec.toString());
  }

  @Test
  void aNullOrShortArrayIsRefusedByName() throws Exception {
    Class<?> marshaller = compiled.loadClass("p.Arr_WideMarshaller");
    Object wide = wide();
    set(wide, "u32l", null);
    assertEquals("wide.u32l", writeFails(marshaller, wide, NullPointerException.class));
    wide = wide();
    set(wide, "s16i", new int[3]);
    assertEquals(
        "wide.s16i has 3 elements; C declares 2",
        writeFails(marshaller, wide, IllegalArgumentException.class));
  }

  private static Object wide() throws Exception {
    Object wide = compiled.loadClass("p.Arr$Wide").getConstructor().newInstance();
    for (Map.Entry<String, Member> m : MEMBERS.entrySet()) {
      Object values = m.getValue().values();
      Object copy =
          Array.newInstance(values.getClass().getComponentType(), Array.getLength(values));
      System.arraycopy(values, 0, copy, 0, Array.getLength(values));
      set(wide, m.getKey(), copy);
    }
    return wide;
  }

  private static void assertRefused(String abi, String member, Object values, String message)
      throws Exception {
    Object wide = wide();
    set(wide, member, values);
    Class<?> marshaller =
        compiled.loadClass(
            "p.Arr_WideMarshaller$"
                + TargetAbi.valueOf(abi.toUpperCase(java.util.Locale.ROOT)).className());
    String thrown = writeFails(marshaller, wide, AbiRangeException.class);
    assertTrue(thrown.startsWith(message + " ("), thrown);
  }

  /** Writes {@code wide}, which must throw {@code type} before any byte; returns the message. */
  private static String writeFails(
      Class<?> marshaller, Object wide, Class<? extends Throwable> type) throws Exception {
    ByteBuffer buf = Buffers.filled(256, ByteOrder.LITTLE_ENDIAN);
    InvocationTargetException e =
        assertThrows(
            InvocationTargetException.class, () -> BufferCalls.write(marshaller, wide, buf, 0));
    Throwable cause = assertInstanceOf(type, e.getCause());
    Buffers.assertUntouched(buf, "nothing written");
    return cause.getMessage();
  }
}
