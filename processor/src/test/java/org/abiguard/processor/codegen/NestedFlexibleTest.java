package org.abiguard.processor.codegen;

import static org.abiguard.processor.Expected.assertExactly;
import static org.abiguard.processor.codegen.Reflection.get;
import static org.abiguard.processor.codegen.Reflection.set;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.abiguard.processor.Compile;
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
 * A struct that ends in a flexible array nested as the last member of a struct (GNU C), twice over:
 * {@code frame} ends in {@code pkt}, which ends in {@code rec}, which ends in {@code entries[]}.
 * The array continues every enclosing struct: the write checks the memory for all of it ({@code
 * byteSize}) before the first byte, and the read bounds-checks it. Nested anywhere else (a union,
 * an array) such a struct, whose array a member counts, is a layout error.
 */
class NestedFlexibleTest {
  private static final Source FRAME =
      Source.of(
          "p.Frame",
          """
          package p;

          import org.abiguard.*;

          @AbiStruct(name = "frame")
          public class Frame {
            @U16 public int len;
            public Pkt pkt = new Pkt();

            @AbiStruct(name = "pkt")
            public static class Pkt {
              @U8 public int kind;
              public Rec rec = new Rec();
            }

            @AbiStruct(name = "rec")
            public static class Rec {
              @U32 public long nr;
              @U16 public int tag;
              @AbiFlexible(count = "nr") @U32 public long[] entries = new long[0];
            }
          }
          """);

  /** The declarations as a system header has them (where gcc does not call them pedantic). */
  private static final String HEADER =
      """
      #pragma GCC system_header
      #include <stdint.h>
      struct rec { uint32_t nr; uint16_t tag; uint32_t entries[]; };
      struct pkt { uint8_t kind; struct rec rec; };
      struct frame { uint16_t len; struct pkt pkt; };
      """;

  /** Linux's firewire events, cut down: a union of structs, one ending in data[]. */
  private static final Source EVENTS =
      Source.of(
          "p.Fw",
          """
          package p;

          import org.abiguard.*;

          public final class Fw {
            private Fw() {}

            @AbiStruct(name = "ev_common")
            public static class Common {
              @U64 public long closure;
              @U32 public long type;
            }

            @AbiStruct(name = "ev_response")
            public static class Response {
              @U64 public long closure;
              @U32 public long type;
              @U32 public long rcode;
              @U32 public long length;
              @AbiFlexible @U32 public long[] data = new long[0];
            }

            @AbiUnion(name = "ev")
            public static class Ev {
              public Common common;
              public Response response;
            }

            @AbiStruct(name = "queued")
            public static class Queued {
              @U16 public int len;
              public Ev ev = new Ev();
            }
          }
          """);

  private static final String EVENTS_HEADER =
      """
      struct ev_common { uint64_t closure; uint32_t type; };
      struct ev_response { uint64_t closure; uint32_t type; uint32_t rcode; uint32_t length;
                           uint32_t data[]; };
      union ev { struct ev_common common; struct ev_response response; };
      struct queued { uint16_t len; union ev ev; };
      """;

  private static CompiledMirrors compiled;

  @BeforeAll
  static void compile() {
    compiled = CompiledMirrors.onEveryAbi(FRAME, EVENTS);
  }

  @Test
  void compilesWithoutAnyDiagnostic() {
    compiled.assertNoDiagnostic();
  }

  @ParameterizedTest
  @EnumSource(TargetAbi.class)
  void theCCompilerProvesTheLayout(TargetAbi abi, @TempDir Path dir) {
    String asserts = compiled.asserts();
    assertTrue(asserts.contains("offsetof(struct rec, entries) == 8"), asserts);
    CHarness.assertAssertsHold(abi, dir, HEADER + EVENTS_HEADER, asserts);
  }

  @Test
  void theArrayGoesPastEveryEnclosingSizeAndReadsBack() throws Exception {
    Object frame = frame(0x11, 0x22);
    Class<?> marshaller = compiled.loadClass("p.FrameMarshaller");
    assertEquals(16, marshaller.getField("SIZE").getInt(null));
    assertEquals(24, byteSize(marshaller, frame));
    // pkt: kind, 3 bytes of padding, rec's 8 bytes and its 2 elements
    assertEquals(20, byteSize(compiled.loadClass("p.Frame_PktMarshaller"), get(frame, "pkt")));

    ByteBuffer buf = ByteBuffer.allocate(24);
    BufferCalls.write(marshaller, frame, buf, 0);
    assertEquals(
        "0201" + "0000" + "07" + "000000" + "02000000" + "0403" + "0000" + "11000000" + "22000000",
        HexFormat.of().formatHex(buf.array()));
    Object back = BufferCalls.read(marshaller, buf, 0);
    assertArrayEquals(
        new long[] {0x11, 0x22}, (long[]) get(get(get(back, "pkt"), "rec"), "entries"));
  }

  @Test
  void memoryThatEndsBeforeTheArrayIsRefusedBeforeTheFirstByte() throws Exception {
    Object frame = frame(0x11, 0x22);
    for (String abi : List.of("", "$I386")) {
      Class<?> marshaller = compiled.loadClass("p.FrameMarshaller" + abi);
      ByteBuffer buf = ByteBuffer.allocate(20);
      Arrays.fill(buf.array(), (byte) 0x5A);
      InvocationTargetException e =
          assertThrows(
              InvocationTargetException.class, () -> BufferCalls.write(marshaller, frame, buf, 0));
      assertEquals(IndexOutOfBoundsException.class, e.getCause().getClass());
      assertEquals(
          "struct frame (x86_64, i386 and aarch64, 24 bytes) at offset 0 does not fit in a buffer"
              + " with limit 20",
          e.getCause().getMessage());
      byte[] untouched = new byte[20];
      Arrays.fill(untouched, (byte) 0x5A);
      assertArrayEquals(untouched, buf.array(), abi);
    }
  }

  @Test
  void aUnionMemberWritesItsArrayPastTheUnionAndReadsAsItsFixedPart() throws Exception {
    Object queued = compiled.loadClass("p.Fw$Queued").getConstructor().newInstance();
    set(queued, "len", 0x0102);
    Object response = compiled.loadClass("p.Fw$Response").getConstructor().newInstance();
    set(response, "closure", 0x1122334455667788L);
    set(response, "type", 3L);
    set(response, "length", 8L);
    set(response, "data", new long[] {1, 2});
    set(get(queued, "ev"), "response", response);
    String[] expected = {
      // x86_64: ev at 8, response.data at 20 in it, running past the union's 24 bytes
      "0201000000000000" + "8877665544332211" + "03000000" + "00000000" + "08000000",
      // i386: uint64_t aligned to 4, ev at 4, data at 20, the union 20 bytes
      "02010000" + "8877665544332211" + "03000000" + "00000000" + "08000000"
    };
    String[] abis = {"X86_64", "I386"};
    int[] ends = {36, 32}; // SIZE 32 and 24
    for (int i = 0; i < abis.length; i++) {
      Class<?> marshaller = compiled.loadClass("p.Fw_QueuedMarshaller$" + abis[i]);
      int size = marshaller.getField("SIZE").getInt(null);
      assertEquals(ends[i], byteSize(marshaller, queued), abis[i]);
      ByteBuffer buf = ByteBuffer.allocate(ends[i]);
      BufferCalls.write(marshaller, queued, buf, 0);
      assertEquals(
          expected[i] + "01000000" + "02000000", HexFormat.of().formatHex(buf.array()), abis[i]);

      Object back = BufferCalls.read(marshaller, buf, 0);
      Object ev = get(back, "ev");
      assertEquals(0x1122334455667788L, get(get(ev, "common"), "closure"));
      assertArrayEquals(
          new long[0], (long[]) get(get(ev, "response"), "data"), "the caller counts");
      Class<?> responses = compiled.loadClass("p.Fw_ResponseMarshaller$" + abis[i]);
      int ev0 = marshaller.getField("OFFSET_EV").getInt(null);
      Object two =
          responses
              .getMethod("read", ByteBuffer.class, int.class, int.class)
              .invoke(null, buf, ev0, 2);
      assertArrayEquals(new long[] {1, 2}, (long[]) get(two, "data"));

      ByteBuffer small = ByteBuffer.allocate(size);
      Arrays.fill(small.array(), (byte) 0x5A);
      InvocationTargetException e =
          assertThrows(
              InvocationTargetException.class,
              () -> BufferCalls.write(marshaller, queued, small, 0));
      assertEquals(IndexOutOfBoundsException.class, e.getCause().getClass());
      byte[] untouched = new byte[size];
      Arrays.fill(untouched, (byte) 0x5A);
      assertArrayEquals(untouched, small.array(), abis[i]);
    }
  }

  @Test
  void aCountedArrayInAUnionIsALayoutError() {
    Source s =
        Source.of(
            "p.Ev",
            """
            package p;

            import org.abiguard.*;

            @AbiUnion(name = "ev")
            public class Ev {
              @U64 public long raw;
              public Frame.Pkt pkt;
            }
            """);
    assertExactly(
        Compile.javac(FRAME, s),
        s.error(
            "public class Ev",
            "class",
            "[abiguard:layout] union Ev cannot be laid out on x86_64: member p.Ev.pkt nests"
                + " p.Frame.Pkt, whose flexible array p.Frame.Rec.entries is counted by 'nr', as a"
                + " member of a union; there the count may be another member's bytes, so abiguard"
                + " nests in a union only a flexible array the caller counts (@AbiFlexible without"
                + " count, read with read(buf, offset, count))"));
  }

  /** One the caller counts may be (FlexibleEndedElementsTest); a counted one may not. */
  @Test
  void inAnArrayACountedStructIsALayoutError() {
    Source s =
        Source.of(
            "p.Report",
            """
            package p;

            import org.abiguard.*;

            @AbiStruct(name = "report")
            public class Report {
              @U16 public int ngrec;
              @AbiFlexible(count = "ngrec") public Frame.Rec[] grec;
            }
            """);
    assertExactly(
        Compile.javac(FRAME, s),
        s.error(
            "public class Report",
            "class",
            "[abiguard:layout] struct Report cannot be laid out on x86_64: member p.Report.grec"
                + " nests p.Frame.Rec, whose flexible array p.Frame.Rec.entries is counted by 'nr',"
                + " as an array's element; there C gives the array no bytes of its own and the"
                + " count would claim bytes of what follows, so abiguard nests there only a"
                + " flexible array the caller counts (@AbiFlexible without count), which reads"
                + " empty and must be empty to write"));
  }

  private static Object frame(long... entries) throws Exception {
    Object frame = compiled.loadClass("p.Frame").getConstructor().newInstance();
    set(frame, "len", 0x0102);
    Object pkt = get(frame, "pkt");
    set(pkt, "kind", 7);
    Object rec = get(pkt, "rec");
    set(rec, "nr", (long) entries.length);
    set(rec, "tag", 0x0304);
    set(rec, "entries", entries);
    return frame;
  }

  private static int byteSize(Class<?> marshaller, Object value) throws Exception {
    return (int) marshaller.getMethod("byteSize", value.getClass()).invoke(null, value);
  }
}
