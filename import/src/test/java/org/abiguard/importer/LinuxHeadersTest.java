package org.abiguard.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Linux UAPI headers a hypervisor or an I/O engine written in Java binds to, as the machine's
 * {@code linux-libc-dev} installs them, imported for x86_64 and i386 (i386 given the host's asm
 * headers, as the importer's hint says). KVM's need {@code __DECLARE_FLEX_ARRAY}, io_uring's a
 * zero-length array and names C reserves for the implementation ({@code __pad1}, {@code struct
 * __kernel_timespec}), perf's reserved names in bit-fields.
 */
class LinuxHeadersTest {
  private static final Path ASM = Path.of("/usr/include/x86_64-linux-gnu/asm");

  @TempDir Path out;

  @ParameterizedTest
  @ValueSource(strings = {"linux/kvm.h", "linux/io_uring.h", "linux/perf_event.h"})
  void everyTypeIsProvenButAnEmptyStructInAUnion(String header) {
    List<String> abis = List.of("x86_64", "i386");
    String missing = Compilers.missing(abis);
    assumeTrue(missing == null, () -> "skipped: " + missing);
    assumeTrue(
        Files.isRegularFile(Path.of("/usr/include").resolve(header)) && Files.isDirectory(ASM),
        () -> "skipped: no " + header + " or no " + ASM + " (Debian's linux-libc-dev)");
    RecordingLog log = new RecordingLog();
    ImportResult r =
        Importer.run(
            new ImportOptions(
                List.of(header),
                List.of(),
                List.of(),
                "org.example.linux",
                out,
                null,
                abis,
                Map.of("i386", List.of("gcc", "-m32", "-isystem", ASM.getParent().toString()))),
            log);
    assertNull(r.problem());
    assertEquals(r.written(), r.proven());
    // io_uring_buf_ring's __DECLARE_FLEX_ARRAY stands in a union, where its empty struct stays
    for (ImportResult.LeftOut l : r.leftOut()) {
      assertEquals("struct io_uring_buf_ring", l.cType(), l.toString());
    }
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
              List.of("struct io_uring_sqe", "struct __kernel_timespec", "struct io_uring_params");
          default -> List.of("struct perf_event_attr", "struct perf_event_mmap_page");
        };
    assertTrue(r.proven().containsAll(expected), r.proven() + " " + r.leftOut());
  }
}
