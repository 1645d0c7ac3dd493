package org.abiguard.processor.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import org.abiguard.processor.Compile;
import org.abiguard.processor.CompiledClasses;
import org.abiguard.processor.Expected.Source;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A bit-field window that no other member has a bit in is built from zero and written whole: its
 * other bits are padding, so it is not read back, and its bytes are not zeroed first. A window that
 * an ordinary member shares is read, merged and written back, and the member keeps its byte.
 */
class BitFieldWindowTest {
  private static Compilation compilation;
  private static ClassLoader loader;

  @BeforeAll
  static void compile() {
    compilation =
        Compile.javac(
            List.of("-Aabiguard.abis=x86_64", "-Xlint:all", "-Werror"),
            Source.of(
                "p.Bits",
                """
                package p;

                import org.abiguard.*;

                public class Bits {
                  /** {@code struct owned { uint8_t a:3, b:4; uint8_t c; }}: a and b alone in byte 0. */
                  @AbiStruct(name = "owned")
                  public static class Owned {
                    @U8 @AbiBits(3) public int a;
                    @U8 @AbiBits(4) public int b;
                    @U8 public int c;
                  }

                  /** {@code struct shared { uint32_t a:4; uint8_t b; }}: b lies in byte 1 of a's unit. */
                  @AbiStruct(name = "shared")
                  public static class Shared {
                    @U32 @AbiBits(4) public int a;
                    @U8 public int b;
                  }
                }
                """));
    assertThat(compilation).succeededWithoutWarnings();
    loader = CompiledClasses.loader(compilation);
  }

  @Test
  void bitFieldsAloneInTheirWindowAreBuiltFromZeroNotReadBack() throws Throwable {
    String put = putMethod("p.Bits_OwnedMarshaller");
    assertEquals(
        """
            static void put(Bits.Owned value, ByteBuffer buf, int offset, boolean swap) {
                 {
                    long unit0 = 0L; // no other member has a bit in these bytes
                    unit0 |= value.a & 0x7L;
                    unit0 |= (value.b & 0xFL) << 3;
                    buf.put(offset + 0, (byte) unit0);
                }
                buf.put(offset + OFFSET_C, (byte) value.c);
            }
        """,
        put);

    Object owned = newMirror("p.Bits$Owned");
    Reflection.set(owned, "a", 5);
    Reflection.set(owned, "b", 9);
    Reflection.set(owned, "c", 0x42);
    ByteBuffer buf = Buffers.filled(4, ByteOrder.LITTLE_ENDIAN);
    Reflection.call(marshaller("p.Bits_OwnedMarshaller"), "write", owned, buf, 1);
    // a = 0b101 in bits 0-2, b = 0b1001 in bits 3-6, bit 7 (padding) zero whatever was there
    assertEquals("5a4d425a", HexFormat.of().formatHex(buf.array()));
  }

  @Test
  void aWindowAnOrdinaryMemberSharesIsReadBackAndTheMemberKeepsItsByte() throws Throwable {
    String put = putMethod("p.Bits_SharedMarshaller");
    assertTrue(put.contains("AbiRuntime.getInt(buf, offset + 0, swap)"), put);
    assertFalse(put.contains("0L; // no other member"), put);

    Object shared = newMirror("p.Bits$Shared");
    Reflection.set(shared, "a", 0xC);
    Reflection.set(shared, "b", 0x42);
    ByteBuffer buf = Buffers.filled(6, ByteOrder.LITTLE_ENDIAN);
    Reflection.call(marshaller("p.Bits_SharedMarshaller"), "write", shared, buf, 1);
    // a in the low nibble of byte 0, the high nibble and bytes 2-3 padding, b in byte 1
    assertEquals("5a0c4200005a", HexFormat.of().formatHex(buf.array()));
  }

  /** The primary ABI's {@code ByteBuffer} {@code put} method of a marshaller, as generated. */
  private static String putMethod(String marshaller) throws Exception {
    String source =
        compilation.generatedSourceFile(marshaller).orElseThrow().getCharContent(true).toString();
    int start = source.indexOf("    static void put(");
    int end = source.indexOf("\n    }\n", start) + "\n    }\n".length();
    return source.substring(start, end);
  }

  private static Class<?> marshaller(String name) throws ClassNotFoundException {
    return Class.forName(name, true, loader);
  }

  private static Object newMirror(String name) throws Exception {
    return Class.forName(name, true, loader).getDeclaredConstructor().newInstance();
  }
}
