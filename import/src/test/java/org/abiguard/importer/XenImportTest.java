package org.abiguard.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Imports Xen's public memory.h (vendored once for the repository under third_party/xen/include)
 * for real ABIs and runs the mirrors.
 */
class XenImportTest {
  /** Xen's vendored public headers, shared by the modules (see third_party/xen/README.md). */
  static final Path XEN = Path.of("../third_party/xen/include").toAbsolutePath().normalize();

  static final List<String> XEN_DEFINES =
      List.of("__XEN_INTERFACE_VERSION__=0x00041300", "__XEN_TOOLS__");
  static final Pattern PLAIN =
      Pattern.compile(
          "xen_memory_reservation|xen_memory_exchange|xen_add_to_physmap|xen_remove_from_physmap|xen_pod_target"
              + "|xen_foreign_memory_map|xen_memory_map|xen_machphys_mapping|xen_mem_acquire_resource|xen_mem_paging_op");

  @TempDir Path out;
  @TempDir Path classes;

  static ImportOptions memoryH(Path out, List<String> abis, Pattern types) {
    return ImportOptions.builder(
            List.of("stdint.h", "public/memory.h"), List.of(XEN), "org.example.xen", out)
        .defines(XEN_DEFINES)
        .types(types)
        .abis(abis)
        .build();
  }

  @Test
  void plainStructsOfMemoryHForThreeAbisAreWrittenProvenAndRun() throws Exception {
    List<String> abis = List.of("x86_64", "i386", "aarch64");
    String missing = Compilers.missing(abis);
    assumeTrue(missing == null, () -> "skipped: " + missing);
    RecordingLog log = new RecordingLog();
    ImportResult r = Importer.run(memoryH(out, abis, PLAIN), log);
    assertNull(r.problem());
    assertEquals(List.of(), r.leftOut());
    assertTrue(r.success());
    assertEquals(
        List.of(),
        log.warnings,
        "javac and abiguard warn about nothing in the mirrors (-Xlint:all)");
    assertEquals(10, r.found().size(), r.found().toString());
    assertEquals(r.found(), r.written());
    assertEquals(r.found(), r.proven());
    Path pkg = out.resolve("org/example/xen");
    String reservation = Files.readString(pkg.resolve("XenMemoryReservation.java"));
    assertContains(reservation, "@AbiStruct(name = \"xen_memory_reservation\")");
    assertContains(
        reservation,
        "{@code struct xen_memory_reservation}, declared in {@code public/memory.h}, line 46.");
    assertContains(
        reservation,
        "/** {@code XEN_GUEST_HANDLE(xen_pfn_t) extent_start;} (line 60). */\n"
            + "  @AbiName(\"extent_start\") @Pointer public long extentStart;");
    assertContains(reservation, "@AbiName(\"nr_extents\") @XenUlongT public long nrExtents;");
    assertContains(reservation, "@AbiName(\"extent_order\") @U32 public long extentOrder;");
    assertContains(reservation, "@DomidT public int domid;");
    assertContains(Files.readString(pkg.resolve("DomidT.java")), "@AbiWidth(16)\n");
    assertContains(Files.readString(pkg.resolve("XenUlongT.java")), "@NativeLong\n");
    assertContains(
        Files.readString(pkg.resolve("XenMemoryExchange.java")),
        "  public XenMemoryReservation in = new XenMemoryReservation();");
    String paging = Files.readString(pkg.resolve("XenMemPagingOp.java"));
    // XEN_GUEST_HANDLE_64(const_uint8): 8 bytes aligned to 8 on every ABI (a pointer only on the
    // 64-bit ones)
    assertContains(
        paging,
        "/** {@code XEN_GUEST_HANDLE_64(const_uint8) buffer;} (line 390). */\n  @AbiAlign(8) @U64 public long buffer;");
    // uint64_aligned_t: aligned(8) on i386, where uint64_t alone is aligned to 4
    assertContains(paging, "@AbiAlign(8) @U64 public long gfn;");

    // the mirrors compile with abiguard and the marshallers have the C layouts of each ABI
    ClassLoader loader = MirrorRun.compile(out, abis, classes);
    Class<?> marshaller = loader.loadClass("org.example.xen.XenMemoryReservationMarshaller");
    Method codec = marshaller.getMethod("codec", String.class);
    // sizeof(struct xen_memory_reservation): 8+8+4+4+2 -> 32; i386 4+4+4+4+2 -> 20; aarch64 as
    // x86_64
    assertEquals(32, MirrorRun.size(codec.invoke(null, "x86_64")));
    assertEquals(20, MirrorRun.size(codec.invoke(null, "i386")));
    assertEquals(32, MirrorRun.size(codec.invoke(null, "aarch64")));
    Object value =
        loader.loadClass("org.example.xen.XenMemoryReservation").getConstructor().newInstance();
    value.getClass().getField("domid").setInt(value, 0x7FF0);
    value.getClass().getField("nrExtents").setLong(value, 3);
    ByteBuffer buf = ByteBuffer.allocate(32).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    MirrorRun.write(codec.invoke(null, "i386"), value, buf);
    assertEquals(3, buf.getInt(4), "nr_extents at offset 4 on i386");
    assertEquals((short) 0x7FF0, buf.getShort(16), "domid at offset 16 on i386");
  }

  @ParameterizedTest
  @ValueSource(strings = {"x86_64", "i386", "aarch64"})
  void memoryHForOneAbi(String abi) throws Exception {
    String missing = Compilers.missing(List.of(abi));
    assumeTrue(missing == null, () -> "skipped: " + missing);
    ImportResult r = Importer.run(memoryH(out, List.of(abi), PLAIN), new RecordingLog());
    assertTrue(r.success(), () -> r.leftOut().toString() + r.problem());
    assertEquals(10, r.proven().size());
    String handle = Files.readString(out.resolve("org/example/xen/XenMemoryReservation.java"));
    assertContains(handle, "@Pointer public long extentStart;");
  }

  static void assertContains(String text, String part) {
    assertTrue(text.contains(part), () -> "expected\n" + part + "\nin\n" + text);
  }
}
