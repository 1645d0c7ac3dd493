package org.abiguard.example.xen.pub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The mirrors have Xen's layouts on both guest ABIs: the generated constants, and the generated C
 * assertions compiled by gcc (x86_64) and gcc -m32 (i386) against Xen's own public headers,
 * vendored under {@code third_party/xen/include} (interface version 0x00040600), and Xen's packed
 * e820 entry.
 */
class MirrorLayoutTest {
  @Test
  void addToPhysmapOnBothAbis() {
    assertEquals(24, XenAddToPhysmapMarshaller.X86_64.SIZE);
    assertEquals(4, XenAddToPhysmapMarshaller.X86_64.OFFSET_SPACE);
    assertEquals(8, XenAddToPhysmapMarshaller.X86_64.OFFSET_IDX);
    assertEquals(16, XenAddToPhysmapMarshaller.X86_64.OFFSET_GPFN);
    assertEquals(16, XenAddToPhysmapMarshaller.I386.SIZE);
    assertEquals(8, XenAddToPhysmapMarshaller.I386.OFFSET_IDX);
    assertEquals(12, XenAddToPhysmapMarshaller.I386.OFFSET_GPFN);
    assertEquals(
        XenAddToPhysmapMarshaller.X86_64.SIZE, XenAddToPhysmapMarshaller.SIZE, "x86_64 is primary");
  }

  @Test
  void nestedAndPointerMembers() {
    assertEquals(32, XenMemoryReservationMarshaller.X86_64.SIZE);
    assertEquals(24, XenMemoryReservationMarshaller.X86_64.OFFSET_DOMID);
    assertEquals(20, XenMemoryReservationMarshaller.I386.SIZE);
    assertEquals(72, XenMemoryExchangeMarshaller.X86_64.SIZE);
    assertEquals(64, XenMemoryExchangeMarshaller.X86_64.OFFSET_NR_EXCHANGED);
    assertEquals(44, XenMemoryExchangeMarshaller.I386.SIZE);
    assertEquals(32, XenAddToPhysmapBatchMarshaller.X86_64.SIZE);
    assertEquals(24, XenAddToPhysmapBatchMarshaller.X86_64.OFFSET_ERRS);
    assertEquals(20, XenAddToPhysmapBatchMarshaller.I386.SIZE);
    assertEquals(8, XenForeignMemoryMapMarshaller.X86_64.OFFSET_MAP);
    assertEquals(4, XenForeignMemoryMapMarshaller.I386.OFFSET_MAP);
    assertEquals(40, XenPodTargetMarshaller.X86_64.SIZE);
    assertEquals(36, XenPodTargetMarshaller.I386.SIZE, "uint64_t is 4-aligned on i386");
  }

  @Test
  void thePackedE820EntryIs20BytesWithItsMembersUnaligned() {
    assertEquals(20, XenE820EntryMarshaller.X86_64.SIZE);
    assertEquals(20, XenE820EntryMarshaller.I386.SIZE);
    assertEquals(1, XenE820EntryMarshaller.X86_64.ALIGNMENT);
    assertEquals(8, XenE820EntryMarshaller.X86_64.OFFSET_SIZE);
    assertEquals(16, XenE820EntryMarshaller.X86_64.OFFSET_TYPE);
    XenE820Entry e = XenE820Entry.of(0x1122_3344_5566_7788L, 0x99AA_BBCC_DDEE_FF00L, 0xCAFE_F00DL);
    byte[] bytes = new byte[2 * 20];
    java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
    XenE820EntryMarshaller.codec("i386").write(e, buf, 20);
    assertEquals((byte) 0x88, bytes[20], "addr's low byte at the entry's first byte");
    assertEquals((byte) 0x00, bytes[28], "size at offset 8");
    assertEquals((byte) 0x0D, bytes[36], "type at offset 16");
    XenE820Entry back = XenE820EntryMarshaller.codec("x86_64").read(buf, 20);
    assertEquals(e.addr, back.addr);
    assertEquals(e.size, back.size);
    assertEquals(e.type, back.type);
  }

  @Test
  void evtchnOpIsTheSameOnBothAbisWithItsUnionAtOffset4() {
    assertEquals(28, EvtchnOpMarshaller.X86_64.SIZE);
    assertEquals(28, EvtchnOpMarshaller.I386.SIZE);
    assertEquals(4, EvtchnOpMarshaller.X86_64.OFFSET_U);
    assertEquals(24, EvtchnOp_UMarshaller.X86_64.SIZE);
    assertEquals(24, EvtchnStatusMarshaller.I386.SIZE);
    assertEquals(16, EvtchnStatusMarshaller.X86_64.OFFSET_U);
    assertEquals(8, EvtchnStatus_UMarshaller.I386.SIZE);
  }

  /** Xen's public headers, vendored once for the repository (see third_party/xen/README.md). */
  static final Path XEN_INCLUDE =
      Path.of("../third_party/xen/include").toAbsolutePath().normalize();

  @ParameterizedTest
  @CsvSource({"gcc,", "gcc,-m32"})
  void theCCompilerProvesTheGeneratedAssertions(String cc, String flag, @TempDir Path dir)
      throws Exception {
    Result r = compile(cc, flag, XEN_INCLUDE, dir);
    assertEquals(0, r.status(), r.output());
  }

  @ParameterizedTest
  @CsvSource({"gcc,", "gcc,-m32"})
  void aCDeclarationThatDiffersIsNamed(String cc, String flag, @TempDir Path dir) throws Exception {
    // Xen 4.4-rc2's mistake, on the C side: space declared as uint16_t
    Path include = dir.resolve("include");
    Path pub = include.resolve("public");
    try (var files = Files.walk(XEN_INCLUDE.resolve("public"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path copy = pub.resolve(XEN_INCLUDE.resolve("public").relativize(f).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(f, copy);
      }
    }
    Path memory = pub.resolve("memory.h");
    String right = Files.readString(memory, StandardCharsets.UTF_8);
    String wrong =
        right.replace(
            "    uint16_t    size;\n\n    unsigned int space;",
            "    uint16_t    size;\n\n    uint16_t space;");
    assertNotEquals(right, wrong, "the declaration to break is in memory.h");
    Files.writeString(memory, wrong, StandardCharsets.UTF_8);
    Result r = compile(cc, flag, include, dir);
    assertNotEquals(0, r.status());
    assertTrue(
        r.output().contains("org.abiguard.example.xen.pub.XenAddToPhysmap.space"), r.output());
  }

  private record Result(int status, String output) {}

  private static Result compile(String cc, String flag, Path include, Path dir)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(cc));
    if (flag != null) {
      cmd.add(flag);
    }
    assumeTrue(works(cmd, dir), String.join(" ", cmd) + " cannot compile here");
    cmd.addAll(
        List.of(
            "-std=c11",
            "-fsyntax-only",
            "-I",
            include.toAbsolutePath().toString(),
            "-D__XEN_INTERFACE_VERSION__=0x00040600",
            "-include",
            "stdint.h",
            "-include",
            "public/memory.h",
            "-include",
            "public/event_channel.h",
            "-include",
            resource("/c/e820entry.h").toString(),
            "-include",
            resource("/META-INF/abiguard/abi-asserts.h").toString(),
            "-x",
            "c",
            "/dev/null"));
    return run(cmd, dir);
  }

  private static boolean works(List<String> cc, Path dir) throws InterruptedException {
    try {
      Path probe = dir.resolve("probe.c");
      Files.writeString(probe, "#include <stdint.h>\nint main(void) { return 0; }\n");
      List<String> cmd = new ArrayList<>(cc);
      cmd.addAll(List.of("-fsyntax-only", probe.toString()));
      return run(cmd, dir).status() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static Result run(List<String> cmd, Path dir) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Result(-1, "timed out: " + out);
    }
    return new Result(p.exitValue(), out);
  }

  private static Path resource(String name) {
    try {
      return Path.of(MirrorLayoutTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }
}
