package org.abiguard.importer;

import static org.abiguard.importer.TestHeaderImports.assumeCompilers;
import static org.abiguard.importer.TestHeaderImports.reasons;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The importer exits 0 only for what abi-asserts.h and abi-check.c proved on every ABI: a mirror
 * whose bit-field checks cannot run on an ABI is not proven, and an import whose mirrors the
 * compilers all disprove leaves each out with its reason. Found by an outside audit.
 */
class ProofCompletenessTest {
  static final Path HEADERS = PortabilityTest.HEADERS;

  @TempDir Path out;

  @Test
  void bitFieldsAbiCheckCannotRunAreNotProvenAndTheExitSaysSo() throws Exception {
    List<String> abis = List.of("x86_64", "aarch64");
    assumeCompilers(abis);
    assumeTrue(!System.getProperty("os.arch").equals("aarch64"), "skipped: this host runs aarch64");
    RecordingLog log = new RecordingLog();
    // a PATH without qemu-aarch64: abi-check.c cannot run for aarch64
    ImportResult r =
        Importer.run(
            ImportOptions.builder(List.of("check_bits.h"), List.of(HEADERS), "p", out)
                .abis(abis)
                .build(),
            log,
            "");
    assertNull(r.problem());
    assertFalse(r.success(), "nothing proved with_bits' bit-fields on aarch64");
    assertEquals(List.of("struct no_bits"), r.proven());
    assertEquals(
        "not proven: abi-check.c has 4 bit-field checks for it on aarch64 and cannot run there:"
            + " the host cannot run aarch64 programs: no qemu-aarch64 on PATH; install qemu-user"
            + " (Debian: apt-get install qemu-user), or leave aarch64 out of --abis",
        reasons(r).get("struct with_bits"));
    assertFalse(Files.exists(out.resolve("p/WithBits.java")));
    String summary = log.infos.get(log.infos.size() - 1);
    assertTrue(
        summary.contains(
            "proven for x86_64, aarch64 (by abi-asserts.h, and abi-check.c run on x86_64; on"
                + " aarch64 by abi-asserts.h alone, abi-check.c having no bit-field to check"
                + " there) and written: 1; left out: 1 (0 not mirrorable or not portable, 0"
                + " rejected by abiguard, 0 disproved by the C compilers, 1 not proven:"
                + " abi-check.c could not run)"),
        summary);
    // where abi-check.c has nothing to check for aarch64, abi-asserts.h alone proves it there
    RecordingLog alone = new RecordingLog();
    ImportResult noBits =
        Importer.run(
            ImportOptions.builder(List.of("check_bits.h"), List.of(HEADERS), "p", out.resolve("b"))
                .abis(abis)
                .types(java.util.regex.Pattern.compile("no_bits"))
                .build(),
            alone,
            "");
    assertTrue(noBits.success(), noBits.leftOut()::toString);
    assertTrue(
        alone.infos.contains(
            "aarch64: abi-check.c not run (the host cannot run aarch64 programs: no qemu-aarch64"
                + " on PATH; install qemu-user (Debian: apt-get install qemu-user), or leave"
                + " aarch64 out of --abis), but it has no bit-field to check on aarch64: proven"
                + " there by abi-asserts.h alone"),
        alone.infos::toString);
  }

  /**
   * A compiler for i386 whose proof compilations (of abi-asserts.h and abi-check.c, in the
   * importer's abiguard-asserts-ABI.c and abiguard-check-ABI.c) align a uint64_t to 8, as {@code
   * -malign-double} does: a build whose flags differ from the import's. The probes see the real
   * layout; the proof a different one.
   */
  private Path compilerWithOtherFlagsForTheProof() throws IOException {
    Path script = out.resolve("cc-i386");
    Files.writeString(
        script,
        """
        #!/bin/sh
        case "$*" in
          *abiguard-asserts-*|*abiguard-check-*) exec gcc -m32 -malign-double "$@" ;;
        esac
        exec gcc -m32 "$@"
        """);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  @Test
  void whenTheCompilersDisproveEveryMirrorEachIsLeftOutWithItsReason() throws Exception {
    List<String> abis = List.of("x86_64", "i386");
    assumeCompilers(abis);
    String cc = compilerWithOtherFlagsForTheProof().toString();
    ImportResult r =
        Importer.run(
            ImportOptions.builder(List.of("all_disproved.h"), List.of(HEADERS), "p", out)
                .abis(abis)
                .compilers(Map.of("i386", List.of(cc)))
                .build(),
            new RecordingLog());
    assertNull(r.problem(), "not an error that stops the import");
    assertEquals(List.of(), r.proven());
    assertEquals(1, r.leftOut().size());
    assertTrue(
        r.leftOut()
            .get(0)
            .reason()
            .startsWith(
                "the C compiler disproves the mirror AlOnly: i386 ("
                    + cc
                    + "): static assertion failed: \"p.AlOnly: sizeof(struct al_only) must be 12"
                    + " (i386)\""),
        r.leftOut().get(0).reason());
    assertEquals(
        1,
        Main.run(
            new String[] {
              "--header",
              "all_disproved.h",
              "-I",
              HEADERS.toString(),
              "--package",
              "p",
              "--out",
              out.resolve("main").toString(),
              "--abis",
              "x86_64,i386",
              "--cc",
              "i386=" + cc
            },
            new RecordingLog()));
  }
}
