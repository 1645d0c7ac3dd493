package org.abiguard.processor.codegen;

import static org.abiguard.processor.codegen.Reflection.get;
import static org.abiguard.processor.codegen.Reflection.set;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
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
 * A struct that ends in a flexible array the caller counts, nested where C gives that array no
 * bytes of its own (GNU C): as an array's element, in a fixed or a flexible array (Linux's {@code
 * igmpv3_report}, whose {@code grec[]} are {@code igmpv3_grec}s ending in {@code grec_src[]}; also
 * {@code pppoe_hdr} and {@code seg6_iptunnel_encap}), and as a member followed by others. Each
 * element is its {@code SIZE} bytes, as C's {@code sizeof}: its array reads empty and must be empty
 * to write. gcc proves the layouts and writes the same bytes.
 */
class FlexibleEndedElementsTest {
  private static final Source MIRRORS =
      Source.of(
          "p.Igmp",
          """
          package p;

          import org.abiguard.*;

          public final class Igmp {
            private Igmp() {}

            @AbiStruct(name = "grec")
            public static class Grec {
              @U8 public int type;
              @U8 public int auxwords;
              @U16 public int nsrcs;
              @U32 public long mca;
              @AbiFlexible @U32 public long[] src = new long[0];
            }

            @AbiStruct(name = "report")
            public static class Report {
              @U8 public int type;
              @U8 public int resv1;
              @U16 public int csum;
              @U16 public int resv2;
              @U16 public int ngrec;
              @AbiFlexible public Grec[] grec = new Grec[0];
            }

            @AbiStruct(name = "pair")
            public static class Pair {
              public Grec first = new Grec();
              @U16 public int tag;
              @AbiArray(2) public Grec[] two = {new Grec(), new Grec()};
              @U8 public int end;
            }
          }
          """);

  /** As Linux declares them, in a system header (where gcc does not warn of the GNU C). */
  private static final String HEADER =
      """
      #pragma GCC system_header
      #include <stdint.h>
      struct grec { uint8_t type; uint8_t auxwords; uint16_t nsrcs; uint32_t mca; uint32_t src[]; };
      struct report {
          uint8_t type; uint8_t resv1; uint16_t csum; uint16_t resv2; uint16_t ngrec;
          struct grec grec[];
      };
      struct pair { struct grec first; uint16_t tag; struct grec two[2]; uint8_t end; };
      """;

  /** C fills a report of two records and a pair, and prints their bytes. */
  private static final String PROGRAM =
      """
      #include <stddef.h>
      #include <stdio.h>
      #include <string.h>
      #include "igmp.h"
      static unsigned char mem[64] __attribute__((aligned(16)));
      static void dump(size_t n) {
          for (size_t i = 0; i < n; i++) printf("%02x", mem[i]);
          printf("\\n");
      }
      int main(void) {
          struct report *r = (struct report *) mem;
          memset(mem, 0, sizeof mem);
          r->type = 0x22;
          r->ngrec = 2;
          r->grec[0].type = 4;
          r->grec[0].mca = 0xE0000016u;
          r->grec[1].type = 3;
          r->grec[1].mca = 0xE00000FBu;
          dump(offsetof(struct report, grec) + 2 * sizeof(struct grec));
          struct pair *p = (struct pair *) mem;
          memset(mem, 0, sizeof mem);
          p->first.type = 1;
          p->first.mca = 0x01020304u;
          p->tag = 0xBEEF;
          p->two[1].nsrcs = 0x0506;
          p->end = 0x7F;
          dump(sizeof(struct pair));
          return 0;
      }
      """;

  private static CompiledMirrors compiled;

  @BeforeAll
  static void compile() {
    compiled = CompiledMirrors.onEveryAbi(MIRRORS);
  }

  @Test
  void compilesWithoutAnyDiagnostic() {
    compiled.assertNoDiagnostic();
  }

  @ParameterizedTest
  @EnumSource(TargetAbi.class)
  void theCCompilerProvesTheLayout(TargetAbi abi, @TempDir Path dir) {
    String asserts = compiled.asserts();
    assertTrue(asserts.contains("offsetof(struct pair, tag) == 8"), asserts);
    assertTrue(asserts.contains("sizeof(struct pair) == 32"), asserts);
    CHarness.assertAssertsHold(abi, dir, HEADER, asserts);
  }

  @ParameterizedTest
  @EnumSource(TargetAbi.class)
  void theMarshallersWriteAndReadTheBytesCWrites(TargetAbi abi, @TempDir Path dir)
      throws Exception {
    String problem = CHarness.emulatedRunProblem(abi).orElse(null);
    assumeTrue(problem == null, () -> "skipped: " + problem);
    CHarness.write(dir, "igmp.h", HEADER);
    CHarness.Result ran = CHarness.buildAndRunEmulated(abi, dir, "igmp.c", PROGRAM, List.of());
    assertTrue(ran.ok(), ran::describe);
    List<String> c = ran.output().lines().toList();
    HexFormat hex = HexFormat.of();
    String nested = "$" + abi.className();

    Class<?> report = compiled.loadClass("p.Igmp_ReportMarshaller" + nested);
    ByteBuffer buf = ByteBuffer.allocate(24);
    BufferCalls.write(report, report(), buf, 0);
    assertEquals(c.get(0), hex.formatHex(buf.array()), abi.manifestName());
    Object back =
        report
            .getMethod("read", ByteBuffer.class, int.class, int.class)
            .invoke(null, ByteBuffer.wrap(hex.parseHex(c.get(0))), 0, 2);
    Object[] grec = (Object[]) get(back, "grec");
    assertEquals(2, grec.length);
    assertEquals(0xE00000FBL, get(grec[1], "mca"));
    assertEquals(0, ((long[]) get(grec[1], "src")).length, "an element's array reads empty");

    Class<?> pair = compiled.loadClass("p.Igmp_PairMarshaller" + nested);
    ByteBuffer pairBytes = ByteBuffer.allocate(32);
    BufferCalls.write(pair, pair(), pairBytes, 0);
    assertEquals(c.get(1), hex.formatHex(pairBytes.array()), abi.manifestName());
    Object pairBack = BufferCalls.read(pair, ByteBuffer.wrap(hex.parseHex(c.get(1))), 0);
    assertEquals(0xBEEF, get(pairBack, "tag"));
    assertEquals(0x0506, get(((Object[]) get(pairBack, "two"))[1], "nsrcs"));
    assertEquals(0, ((long[]) get(get(pairBack, "first"), "src")).length);
  }

  @Test
  void anElementWithSourcesIsRefusedBeforeAnyByte() throws Exception {
    Class<?> report = compiled.loadClass("p.Igmp_ReportMarshaller");
    Object value = report();
    set(((Object[]) get(value, "grec"))[1], "src", new long[] {0x0A000001L});
    ByteBuffer buf = ByteBuffer.allocate(32);
    Arrays.fill(buf.array(), (byte) 0x5A);
    InvocationTargetException e =
        assertThrows(
            InvocationTargetException.class, () -> BufferCalls.write(report, value, buf, 0));
    assertEquals(IllegalArgumentException.class, e.getCause().getClass());
    assertEquals(
        "report.grec[1] holds 4 bytes in its flexible array; C gives that array no bytes in an"
            + " array of its type: leave it empty",
        e.getCause().getMessage());
    byte[] untouched = new byte[32];
    Arrays.fill(untouched, (byte) 0x5A);
    assertArrayEquals(untouched, buf.array());
  }

  @Test
  void aMemberFollowedByOthersWithSourcesIsRefused() throws Exception {
    Class<?> pair = compiled.loadClass("p.Igmp_PairMarshaller");
    Object value = pair();
    set(get(value, "first"), "src", new long[] {1, 2});
    InvocationTargetException e =
        assertThrows(
            InvocationTargetException.class,
            () -> BufferCalls.write(pair, value, ByteBuffer.allocate(32), 0));
    assertEquals(
        "pair.first holds 8 bytes in its flexible array; C gives that array no bytes before the"
            + " members that follow: leave it empty",
        e.getCause().getMessage());
  }

  /** On Java 22+, the LAYOUTs nest each element's own, of SIZE bytes. */
  @Test
  void inForeignMemoryTheLayoutsMatchTheConstants() throws Exception {
    CompiledMirrors foreign = CompiledMirrors.forForeignMemory(MIRRORS);
    foreign.assertNoDiagnostic();
    foreign.assertLayoutsMatchConstants("p.Igmp_", List.of("Grec", "Report", "Pair"));
  }

  private static Object grec(int type, long mca) throws Exception {
    Object g = compiled.loadClass("p.Igmp$Grec").getConstructor().newInstance();
    set(g, "type", type);
    set(g, "mca", mca);
    return g;
  }

  private static Object report() throws Exception {
    Object r = compiled.loadClass("p.Igmp$Report").getConstructor().newInstance();
    set(r, "type", 0x22);
    set(r, "ngrec", 2);
    Object grec = Array.newInstance(compiled.loadClass("p.Igmp$Grec"), 2);
    Array.set(grec, 0, grec(4, 0xE0000016L));
    Array.set(grec, 1, grec(3, 0xE00000FBL));
    set(r, "grec", grec);
    return r;
  }

  private static Object pair() throws Exception {
    Object p = compiled.loadClass("p.Igmp$Pair").getConstructor().newInstance();
    set(p, "first", grec(1, 0x01020304L));
    set(p, "tag", 0xBEEF);
    set(((Object[]) get(p, "two"))[1], "nsrcs", 0x0506);
    set(p, "end", 0x7F);
    return p;
  }
}
