package org.abiguard.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Linux UAPI headers a hypervisor or an I/O engine written in Java binds to, as the machine's
 * {@code linux-libc-dev} installs them, imported for x86_64 and i386 (i386 given the host's asm
 * headers, as the importer's hint says). KVM's need {@code __DECLARE_FLEX_ARRAY}, io_uring's a
 * zero-length array and names C reserves for the implementation ({@code __pad1}, {@code struct
 * __kernel_timespec}), perf's reserved names in bit-fields. linux/time.h declares its own {@code
 * struct timeval}, which the proof programs must not bring from the C library a second time;
 * VirtualBox's HGCM parameters name a union {@code u} inside a union {@code u}. FireWire's events
 * and JFFS2's nodes are unions of structs that end in flexible arrays. io_uring's buffer ring and
 * linux/in.h's {@code ip_msfilter} declare flexible arrays inside unions with {@code
 * __DECLARE_FLEX_ARRAY}. IGMPv3's report is a flexible array of group records that each end in a
 * flexible array of their own (no bytes there: each record is its {@code sizeof}); process
 * accounting's {@code acct_v3} has {@code float}s.
 */
class LinuxHeadersTest {
  private static final Path ASM = Path.of("/usr/include/x86_64-linux-gnu/asm");

  @TempDir Path out;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "linux/kvm.h",
        "linux/io_uring.h",
        "linux/perf_event.h",
        "linux/virtio_net.h",
        "linux/time.h",
        "linux/vbox_vmmdev_types.h",
        "linux/firewire-cdev.h",
        "linux/jffs2.h",
        "linux/in.h",
        "linux/igmp.h",
        "linux/acct.h"
      })
  void everyTypeIsProven(String header) {
    assumeTrue(Files.isDirectory(ASM), () -> "skipped: no " + ASM + " (Debian's linux-libc-dev)");
    ImportResult r =
        importLinux(
            header,
            null,
            List.of("x86_64", "i386"),
            Map.of("i386", List.of("gcc", "-m32", "-isystem", ASM.getParent().toString())));
    assertNull(r.problem());
    assertEquals(r.written(), r.proven());
    assertEquals(List.of(), r.leftOut());
    List<String> expected =
        switch (header) {
          case "linux/kvm.h" ->
              List.of(
                  "struct kvm_run",
                  "struct kvm_regs",
                  "struct kvm_signal_mask",
                  "struct kvm_irq_routing",
                  "struct kvm_coalesced_mmio_ring");
          case "linux/io_uring.h" ->
              List.of(
                  "struct io_uring_sqe",
                  "struct __kernel_timespec",
                  "struct io_uring_params",
                  "struct io_uring_buf_ring");
          case "linux/perf_event.h" ->
              List.of("struct perf_event_attr", "struct perf_event_mmap_page");
          case "linux/virtio_net.h" ->
              List.of("struct virtio_net_ctrl_mac", "struct virtio_net_config");
          case "linux/time.h" -> List.of("struct timeval", "struct itimerval", "struct timezone");
          case "linux/firewire-cdev.h" ->
              List.of("union fw_cdev_event", "struct fw_cdev_event_response");
          case "linux/jffs2.h" -> List.of("union jffs2_node_union", "struct jffs2_raw_inode");
          case "linux/in.h" -> List.of("struct ip_msfilter", "struct ip_mreqn");
          case "linux/igmp.h" -> List.of("struct igmpv3_report", "struct igmpv3_grec");
          case "linux/acct.h" -> List.of("struct acct_v3", "struct acct");
          default ->
              List.of(
                  "struct vmmdev_hgcm_function_parameter32",
                  "struct vmmdev_hgcm_function_parameter64");
        };
    assertTrue(r.proven().containsAll(expected), r.proven() + " " + r.leftOut());
  }

  /** {@code --types} picks from a platform header under /usr/include, and from what it includes. */
  @ParameterizedTest
  @ValueSource(strings = {"kvm_run", "kvm_regs"})
  void typesPicksFromAPlatformHeader(String type) {
    ImportResult r = importLinux("linux/kvm.h", Pattern.compile(type), List.of("x86_64"), Map.of());
    assertNull(r.problem());
    assertTrue(r.success(), r.leftOut().toString());
    assertTrue(r.proven().contains("struct " + type), r.proven().toString());
    assertTrue(!r.proven().contains("struct kvm_signal_mask"), r.proven().toString());
  }

  /**
   * {@code --types} does not pick from the C library's headers that a platform header includes:
   * linux/input.h includes glibc's sys/time.h, whose fd_set, __sigset_t and pthread types (not
   * portable to i386) used to be picked by {@code '.*'} and fail the import. Its {@code struct
   * timeval} comes because {@code input_event} needs it.
   */
  @Test
  void typesDoesNotPickTheCLibrarysTypes() {
    ImportResult r =
        importLinux("linux/input.h", Pattern.compile(".*"), List.of("x86_64"), Map.of());
    assertNull(r.problem());
    assertTrue(r.success(), r.leftOut().toString());
    assertTrue(r.proven().contains("struct input_event"), r.proven().toString());
    assertTrue(r.proven().contains("struct timeval"), r.proven().toString());
    for (String libc : List.of("fd_set", "__sigset_t", "pthread_mutex_t", "struct timespec")) {
      assertTrue(!r.found().contains(libc), libc + " in " + r.found());
    }
  }

  /**
   * linux/vhost.h declares no struct itself: they are in linux/vhost_types.h, which it includes.
   */
  @Test
  void aHeaderThatOnlyIncludesOthersSaysHowToPickTheirTypes() {
    ImportResult r = importLinux("linux/vhost.h", null, List.of("x86_64"), Map.of());
    assertEquals(
        "no struct or union is declared in the named headers themselves; pick those of the headers"
            + " they include with --types REGEX, or name those headers with --header",
        r.problem());
  }

  /** Imports a header of /usr/include; skipped, with the reason, without it or a compiler. */
  private ImportResult importLinux(
      String header, Pattern types, List<String> abis, Map<String, List<String>> compilers) {
    String missing = Compilers.missing(abis);
    assumeTrue(missing == null, () -> "skipped: " + missing);
    assumeTrue(
        Files.isRegularFile(Path.of("/usr/include").resolve(header)),
        () -> "skipped: no /usr/include/" + header + " (Debian's linux-libc-dev)");
    return Importer.run(
        ImportOptions.builder(List.of(header), List.of(), "org.example.linux", out)
            .types(types)
            .abis(abis)
            .compilers(compilers)
            .build(),
        new RecordingLog());
  }
}
