package org.abiguard.processor.codegen;

import static org.abiguard.processor.codegen.Reflection.get;
import static org.abiguard.processor.codegen.Reflection.set;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import org.abiguard.processor.Expected.Source;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.testing.BufferCalls;
import org.abiguard.processor.testing.CHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * GNU C's zero-length array ({@code __u8 cmd[0];} in io_uring's {@code io_uring_sqe}) is
 * {@code @AbiArray(0)}: a member with no bytes and its element's alignment, in the middle of a
 * struct, at its end, or as a union member. The C compilers prove the layout; the marshaller reads
 * an empty array, writes nothing for it, and refuses any other length before the first byte.
 */
class ZeroLengthArrayTest {
  private static final Source SQE =
      Source.of(
          "p.Sqe",
          """
          package p;

          import org.abiguard.*;

          @AbiStruct(name = "sqe")
          public class Sqe {
            @U8 public int opcode;
            @AbiArray(0) @U64 public long[] mid = new long[0];
            @U16 public int ioprio;
            @AbiAnonymous public Cmd cmd = new Cmd();

            @AbiUnion(untagged = true)
            public static class Cmd {
              @U64 public long optval;
              @AbiArray(0) @U8 public byte[] data;
            }
          }
          """);

  private static final Source NAMED =
      Source.of(
          "p.Named",
          """
          package p;

          import org.abiguard.*;

          @AbiStruct(name = "named")
          public class Named {
            @U32 public long len;
            @AbiArray(0) @U8 public byte[] name = new byte[0];
          }
          """);

  /** The declarations as a system header has them (where gcc does not call [0] pedantic). */
  private static final String HEADER =
      """
      #pragma GCC system_header
      #include <stdint.h>
      struct sqe { uint8_t opcode; uint64_t mid[0]; uint16_t ioprio;
                   union { uint64_t optval; uint8_t data[0]; }; };
      struct named { uint32_t len; uint8_t name[0]; };
      """;

  private static CompiledMirrors compiled;

  @BeforeAll
  static void compile() {
    compiled = CompiledMirrors.onEveryAbi(SQE, NAMED);
  }

  @Test
  void compilesWithoutAnyDiagnostic() {
    compiled.assertNoDiagnostic();
  }

  @ParameterizedTest
  @EnumSource(TargetAbi.class)
  void theCCompilerProvesTheLayout(TargetAbi abi, @TempDir Path dir) {
    String asserts = compiled.asserts();
    assertTrue(asserts.contains("sizeof(((struct sqe *)0)->mid) == 0"), asserts);
    CHarness.assertAssertsHold(abi, dir, HEADER, asserts);
  }

  @Test
  void theArrayHasNoBytesAndReadsBackEmpty() throws Exception {
    Object sqe = compiled.loadClass("p.Sqe").getConstructor().newInstance();
    set(sqe, "opcode", 0x11);
    set(sqe, "ioprio", 0x2233);
    set(get(sqe, "cmd"), "optval", 0x4455667788990011L);
    Class<?> x86 = compiled.loadClass("p.SqeMarshaller$X86_64");
    Class<?> i386 = compiled.loadClass("p.SqeMarshaller$I386");
    assertEquals(24, x86.getField("SIZE").getInt(null));
    assertEquals(8, x86.getField("OFFSET_MID").getInt(null));
    assertEquals(16, i386.getField("SIZE").getInt(null));
    assertEquals(4, i386.getField("OFFSET_MID").getInt(null));

    ByteBuffer buf = ByteBuffer.allocate(24);
    BufferCalls.write(x86, sqe, buf, 0);
    assertEquals(
        "1100000000000000" + "3322000000000000" + "1100998877665544",
        HexFormat.of().formatHex(buf.array()));
    Object back = BufferCalls.read(x86, buf, 0);
    assertArrayEquals(new long[0], (long[]) get(back, "mid"));
    assertEquals(0x2233, get(back, "ioprio"));
    assertArrayEquals(new byte[0], (byte[]) get(get(back, "cmd"), "data"));

    ByteBuffer small = ByteBuffer.allocate(16);
    BufferCalls.write(i386, sqe, small, 0);
    assertEquals(
        "11000000" + "33220000" + "1100998877665544", HexFormat.of().formatHex(small.array()));
  }

  @Test
  void anotherLengthOrNullIsRefusedBeforeTheFirstByte() throws Exception {
    Class<?> named = compiled.loadClass("p.Named");
    Class<?> marshaller = compiled.loadClass("p.NamedMarshaller");
    assertEquals(4, marshaller.getField("SIZE").getInt(null));
    Object value = named.getConstructor().newInstance();
    set(value, "len", 3L);
    ByteBuffer buf = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    BufferCalls.write(marshaller, value, buf, 0);
    assertEquals(3, buf.getInt(0));

    for (Object name : new Object[] {new byte[2], null}) {
      set(value, "name", name);
      ByteBuffer filled = ByteBuffer.allocate(4);
      Arrays.fill(filled.array(), (byte) 0x5A);
      InvocationTargetException e =
          assertThrows(
              InvocationTargetException.class,
              () -> BufferCalls.write(marshaller, value, filled, 0));
      assertEquals(
          name == null ? "named.name" : "named.name has 2 elements; C declares 0",
          e.getCause().getMessage());
      assertArrayEquals(new byte[] {0x5A, 0x5A, 0x5A, 0x5A}, filled.array());
    }
  }

  /**
   * No loop over zero elements: the read makes the empty array, the write says why it is silent.
   */
  @Test
  void theCodeSaysTheArrayHasNoBytes() throws Exception {
    String source =
        compiled
            .compilation()
            .generatedSourceFile("p.SqeMarshaller")
            .orElseThrow()
            .getCharContent(true)
            .toString();
    assertTrue(source.contains("value.mid = new long[0];\n"), source);
    assertTrue(source.contains("// mid[0], a zero-length array (GNU C): no bytes\n"), source);
    assertFalse(source.contains("OFFSET_MID + i"), source);
    assertTrue(source.contains("AbiRuntime.checkLength(value.mid, 0, \"sqe.mid\");"), source);
  }
}
