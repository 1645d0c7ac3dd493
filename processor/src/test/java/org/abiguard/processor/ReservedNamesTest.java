package org.abiguard.processor;

import static org.abiguard.processor.Compile.javac;
import static org.abiguard.processor.Expected.assertExactly;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.abiguard.processor.Expected.Source;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.testing.BufferCalls;
import org.abiguard.processor.testing.CHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Names C reserves for the implementation ({@code __pad}, {@code struct __kernel_timespec}) are
 * what the headers of an operating system or hypervisor declare: a mirror that says {@code
 * reservedNames = true} may use them, for its own name and its members', and the C compilers prove
 * it; C keywords stay errors, and without the opt-in a reserved name is an error that offers it.
 */
class ReservedNamesTest {
  private static final String P = "[abiguard:annotation] ";

  /** Linux's {@code struct __kernel_timespec}: a reserved struct tag. */
  private static final Source TIMESPEC =
      Source.of(
          "p.KernelTimespec",
          """
          package p;

          import org.abiguard.*;

          @AbiStruct(name = "__kernel_timespec", reservedNames = true)
          public class KernelTimespec {
            @S64 public long tv_sec;
            @S64 public long tv_nsec;
          }
          """);

  /**
   * Xen's {@code vm_event_sring} style: a reserved member by {@code @AbiName}, one by its Java
   * name, and a nested struct with a reserved tag.
   */
  private static final Source RING =
      Source.of(
          "p.Ring",
          """
          package p;

          import org.abiguard.*;

          @AbiStruct(name = "ring", reservedNames = true)
          public class Ring {
            @U32 public long req_prod;
            @AbiName("__pad") @AbiArray(4) @U8 public byte[] pad = new byte[4];
            @U32 public long __reserved;
            public KernelTimespec stamp = new KernelTimespec();
          }
          """);

  /** Xen's {@code grant_entry_v2} style: a union whose member C calls {@code __spacer}. */
  private static final Source ENTRY =
      Source.of(
          "p.Entry",
          """
          package p;

          import org.abiguard.*;

          @AbiUnion(name = "_entry_t", typedef = true, reservedNames = true)
          public class Entry {
            @AbiName("__spacer") @AbiArray(4) @U32 public long[] spacer;
            @U16 public int hdr;
          }
          """);

  /** The C declarations the mirrors copy, as a system header would have them. */
  private static final String HEADER =
      """
      #include <stdint.h>
      struct __kernel_timespec { long long tv_sec; long long tv_nsec; };
      struct ring { uint32_t req_prod; uint8_t __pad[4]; uint32_t __reserved;
                    struct __kernel_timespec stamp; };
      typedef union { uint32_t __spacer[4]; uint16_t hdr; } _entry_t;
      """;

  private static Compilation compileMirrors() {
    return javac(List.of("-Aabiguard.abis=x86_64,i386,aarch64"), TIMESPEC, RING, ENTRY);
  }

  @Test
  void mirrorsThatOptInCompileWithoutAnyDiagnostic() {
    Compilation c = compileMirrors();
    assertExactly(c);
    for (String marshaller :
        List.of("p.KernelTimespecMarshaller", "p.RingMarshaller", "p.EntryMarshaller")) {
      assertTrue(c.generatedSourceFile(marshaller).isPresent(), marshaller + " not generated");
    }
    String asserts = CompiledClasses.abiAsserts(c);
    assertTrue(asserts.contains("offsetof(struct ring, __pad) == 4"), asserts);
    assertTrue(asserts.contains("sizeof(struct __kernel_timespec) == 16"), asserts);
    assertTrue(asserts.contains("offsetof(_entry_t, __spacer) == 0"), asserts);
  }

  @ParameterizedTest
  @EnumSource(TargetAbi.class)
  void theCCompilerProvesTheMirrorsAgainstTheHeader(TargetAbi abi, @TempDir Path dir) {
    String asserts = CompiledClasses.abiAsserts(compileMirrors());
    CHarness.assertAssertsHold(abi, dir, HEADER, asserts);
  }

  @Test
  void theMarshallerWritesAndReadsTheReservedMembers() throws Exception {
    ClassLoader loader = CompiledClasses.loader(compileMirrors());
    Class<?> ring = loader.loadClass("p.Ring");
    Class<?> marshaller = loader.loadClass("p.RingMarshaller");
    Object value = ring.getConstructor().newInstance();
    ring.getField("req_prod").setLong(value, 7);
    ring.getField("pad").set(value, new byte[] {1, 2, 3, 4});
    ring.getField("__reserved").setLong(value, 0xFFFF_FFFFL);
    Object stamp = ring.getField("stamp").get(value);
    stamp.getClass().getField("tv_nsec").setLong(stamp, -1);
    assertEquals(32, marshaller.getField("SIZE").getInt(null)); // gcc, x86_64
    assertEquals(4, marshaller.getField("OFFSET_PAD").getInt(null));

    ByteBuffer buf = ByteBuffer.allocate(32);
    BufferCalls.write(marshaller, value, buf, 0);
    assertEquals(0xFFFF_FFFF, buf.getInt(8)); // __reserved, all ones
    Object back = BufferCalls.read(marshaller, buf, 0);
    assertEquals(7L, ring.getField("req_prod").getLong(back));
    assertArrayEquals(new byte[] {1, 2, 3, 4}, (byte[]) ring.getField("pad").get(back));
    assertEquals(0xFFFF_FFFFL, ring.getField("__reserved").getLong(back));
    Object backStamp = ring.getField("stamp").get(back);
    assertEquals(-1L, backStamp.getClass().getField("tv_nsec").getLong(backStamp));
  }

  @Test
  void keywordsStayErrorsWithTheOptIn() {
    Source s =
        Source.of(
            "p.K",
            """
            package p;

            import org.abiguard.*;

            @AbiStruct(reservedNames = true)
            class K {
              @AbiName("int") @U32 long flags;
            }
            """);
    assertExactly(
        javac(s),
        s.error(
            "@AbiName",
            "\"int\"",
            P
                + "@AbiName(\"int\") on 'flags' is not a C member name: it is a C keyword; use"
                + " letters, digits and '_', not starting with a digit, no C keyword and no reserved"
                + " name"));
  }

  @Test
  void aReservedJavaNameWithoutTheOptInOffersIt() {
    Source s =
        Source.of(
            "p.U",
            """
            package p;

            import org.abiguard.*;

            @AbiUnion
            class U {
              @U32 long __x;
              @U16 int y;
            }
            """);
    assertExactly(
        javac(s),
        s.error(
            "@U32 long __x",
            "__x",
            P
                + "the Java name '__x' is not a C member name: C reserves names starting with __ or"
                + " with _ and a capital letter for the implementation; add @AbiName(\"c_name\")"
                + " with the member's name in the C declaration, or if the C declaration is in a"
                + " header of the implementation (an operating system's or hypervisor's), say so"
                + " with @AbiUnion(reservedNames = true)"));
  }

  @Test
  void aReservedUnionNameWithoutTheOptInOffersItForTheUnion() {
    Source s =
        Source.of(
            "p.V",
            """
            package p;

            import org.abiguard.*;

            @AbiUnion(name = "__v")
            class V {
              @U32 long x;
            }
            """);
    assertExactly(
        javac(s),
        s.error(
            "@AbiUnion",
            "\"__v\"",
            P
                + "'__v' is not a C union name: C reserves names starting with __ or with _ and a"
                + " capital letter for the implementation; if the C declaration is in a header of"
                + " the implementation (an operating system's or hypervisor's, as Linux's"
                + " __kernel_timespec or Xen's __pad), say so with @AbiUnion(reservedNames = true);"
                + " else use letters, digits and '_', not starting with a digit, no C keyword and"
                + " no reserved name"));
  }
}
