package org.abiguard.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when" run as a test: the twelve public headers for x86_64, i386 and aarch64.
 * Every type found is either proven and written or left out with a reason and its C line.
 */
class XenPublicHeadersTest {
  static final List<String> HEADERS =
      List.of(
          "stdint.h",
          "public/memory.h",
          "public/domctl.h",
          "public/sysctl.h",
          "public/grant_table.h",
          "public/event_channel.h",
          "public/vcpu.h",
          "public/physdev.h",
          "public/platform.h",
          "public/sched.h",
          "public/hvm/hvm_op.h",
          "public/vm_event.h",
          "public/argo.h");

  @TempDir Path out;

  @Test
  void everyTypeIsProvenOrLeftOutWithItsReason() {
    ImportResult r = importTwelve(false, new RecordingLog());
    assertNull(r.problem());
    assertEquals(296, r.found().size());
    assertEquals(r.written(), r.proven());
    Set<String> accounted = new HashSet<>(r.proven());
    for (ImportResult.LeftOut l : r.leftOut()) {
      assertTrue(accounted.add(l.cType()), "left out once: " + l);
      assertFalse(l.reason().isBlank(), l.toString());
      assertTrue(l.location().matches("public/.+\\.h:\\d+"), l.toString());
    }
    assertEquals(new HashSet<>(r.found()), accounted);
    assertTrue(
        r.proven()
            .containsAll(
                List.of(
                    "struct xen_memory_reservation",
                    "struct gnttab_map_grant_ref",
                    "struct evtchn_alloc_unbound",
                    "struct vcpu_runstate_info",
                    "struct sched_shutdown",
                    // their members __pad and __spacer are names C reserves for the implementation
                    "struct vm_event_sring",
                    "union grant_entry_v2")),
        r.proven().toString());
    List<String> notPortable = new ArrayList<>();
    for (ImportResult.LeftOut l : r.leftOut()) {
      if (l.reason().startsWith("not portable")) {
        notPortable.add(l.cType());
      }
    }
    assertTrue(notPortable.contains("struct xen_arch_domainconfig"), notPortable.toString());
    // what is left out is what x86 and Arm declare differently, or needs it: 18 types and 4
    // (xenpf_symdata's plain `char type` is signed on x86, unsigned on Arm; so are the elements of
    // the plain char arrays of xenpf_pcpu_version, xen_sysctl_perfc_desc, xen_get_cpufreq_para,
    // xen_set_cpufreq_gov and xen_sysctl_lockprof_data, and xen_sysctl_pm_op needs one)
    for (ImportResult.LeftOut l : r.leftOut()) {
      assertTrue(
          l.reason().startsWith("not portable") || l.reason().startsWith("needs "), l.toString());
    }
    assertTrue(notPortable.contains("struct xenpf_symdata"), notPortable.toString());
    assertTrue(notPortable.contains("struct xen_sysctl_perfc_desc"), notPortable.toString());
    assertEquals(18, notPortable.size(), notPortable.toString());
    assertEquals(274, r.proven().size());
    assertEquals(r.leftOut().isEmpty(), r.success());
  }

  /**
   * With {@code --split-abis} the same import mirrors every type: what x86 and Arm declare
   * differently once for x86_64 and i386 (which declare it alike) and once for aarch64, each in a
   * package of its own, with what those declarations need; the rest once, for all three.
   */
  @Test
  void withSplitAbisEveryTypeHasAMirrorForItsAbis() throws Exception {
    RecordingLog log = new RecordingLog();
    ImportResult r = importTwelve(true, log);
    assertTrue(r.success(), () -> r.leftOut().toString());
    // hvm_vmce_vcpu: only x86's xen_domctl_ext_vcpucontext needs it
    assertEquals(297, r.found().size());
    assertEquals(r.found(), r.written());
    assertEquals(311, r.mirrors().size());
    assertTrue(
        log.infos.contains(
            "split: 21 mirrors for x86_64, i386 alone in org.example.xen.x86_64_i386"),
        log.infos::toString);
    assertTrue(
        log.infos.contains("split: 16 mirrors for aarch64 alone in org.example.xen.aarch64"),
        log.infos::toString);
    Path xen = out.resolve("org/example/xen");
    String x86 = Files.readString(xen.resolve("x86_64_i386/XenArchDomainconfig.java"));
    XenImportTest.assertContains(
        x86, "@AbiStruct(name = \"xen_arch_domainconfig\", abis = {\"x86_64\", \"i386\"})");
    XenImportTest.assertContains(x86, "@U32 public long emulationFlags;");
    String arm = Files.readString(xen.resolve("aarch64/XenArchDomainconfig.java"));
    XenImportTest.assertContains(
        arm, "@AbiStruct(name = \"xen_arch_domainconfig\", abis = \"aarch64\")");
    XenImportTest.assertContains(arm, "@U8 public int gicVersion;");
    // plain char: signed on x86, unsigned on Arm
    XenImportTest.assertContains(
        Files.readString(xen.resolve("x86_64_i386/XenpfSymdata.java")), "@S8 public byte type;");
    XenImportTest.assertContains(
        Files.readString(xen.resolve("aarch64/XenpfSymdata.java")), "@U8 public int type;");
    // and an array of plain char
    XenImportTest.assertContains(
        Files.readString(xen.resolve("x86_64_i386/XenSysctlPerfcDesc.java")),
        "@S8 @AbiArray(80) public byte[] name = new byte[80];");
    XenImportTest.assertContains(
        Files.readString(xen.resolve("aarch64/XenSysctlPerfcDesc.java")),
        "@U8 @AbiArray(80) public byte[] name = new byte[80];");
    assertTrue(Files.exists(xen.resolve("x86_64_i386/HvmVmceVcpu.java")));
    assertFalse(Files.exists(xen.resolve("aarch64/HvmVmceVcpu.java")), "x86's alone");
    assertFalse(Files.exists(xen.resolve("XenArchDomainconfig.java")), "no mirror for all three");
    assertTrue(Files.exists(xen.resolve("XenMemoryReservation.java")), "shared by all three");
  }

  /** The twelve headers for the three ABIs, split per group of ABIs or not. */
  private ImportResult importTwelve(boolean splitAbis, RecordingLog log) {
    List<String> abis = List.of("x86_64", "i386", "aarch64");
    String missing = Compilers.missing(abis);
    assumeTrue(missing == null, () -> "skipped: " + missing);
    return Importer.run(
        ImportOptions.builder(HEADERS, List.of(XenImportTest.XEN), "org.example.xen", out)
            .defines(XenImportTest.XEN_DEFINES)
            .abis(abis)
            .splitAbis(splitAbis)
            .build(),
        log);
  }

  /**
   * Xen on Arm: {@code struct vcpu_info} and {@code struct shared_info} hold {@code struct
   * arch_vcpu_info {}} and {@code struct arch_shared_info {}}, GNU C's empty structs, mirrored with
   * {@code empty = true} and proven by aarch64's gcc.
   */
  @Test
  void armsEmptyPlaceholdersAreMirroredAndProven() throws Exception {
    List<String> abis = List.of("aarch64");
    String missing = Compilers.missing(abis);
    assumeTrue(missing == null, () -> "skipped: " + missing);
    ImportResult r =
        Importer.run(
            ImportOptions.builder(
                    List.of("stdint.h", "public/xen.h"),
                    List.of(XenImportTest.XEN),
                    "org.example.xen.arm",
                    out)
                .defines(XenImportTest.XEN_DEFINES)
                .abis(abis)
                .build(),
            new RecordingLog());
    assertNull(r.problem());
    assertTrue(r.success(), r.leftOut().toString());
    assertTrue(
        r.proven()
            .containsAll(
                List.of(
                    "struct vcpu_info",
                    "struct arch_vcpu_info",
                    "struct shared_info",
                    "struct arch_shared_info")),
        r.proven().toString());
    Path dir = out.resolve("org/example/xen/arm");
    XenImportTest.assertContains(
        Files.readString(dir.resolve("ArchVcpuInfo.java")),
        "@AbiStruct(name = \"arch_vcpu_info\", empty = true)\npublic class ArchVcpuInfo {\n"
            + "  /** An all-zero {@code struct arch_vcpu_info}. */\n"
            + "  public ArchVcpuInfo() {}\n}");
    XenImportTest.assertContains(
        Files.readString(dir.resolve("VcpuInfo.java")),
        "public ArchVcpuInfo arch = new ArchVcpuInfo();");
  }
}
