package org.abiguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import goal's up-to-date check: options and every file the headers read. */
class ImportStampTest {
  @TempDir Path dir;

  @Test
  void makeRuleIsSplitIntoItsFiles() {
    assertEquals(
        List.of("/w/headers.c", "/p/hv.h", "/usr/include/stdint.h", "/p/with space.h"),
        HeaderDependencies.parseRule(
            "headers.o: /w/headers.c /p/hv.h \\\n /usr/include/stdint.h /p/with\\ space.h\n"));
  }

  @Test
  void theCompilerListsIncludedHeadersToo() throws Exception {
    assumeTrue(Executables.find("gcc").isPresent(), "gcc is not installed: test skipped");
    Files.createDirectories(dir.resolve("inc/xen"));
    Files.writeString(dir.resolve("inc/xen/types.h"), "typedef unsigned short domid_t;\n");
    Files.writeString(dir.resolve("hv.h"), "#include <xen/types.h>\nstruct s { domid_t d; };\n");
    Optional<List<Path>> files =
        HeaderDependencies.of(
            List.of("gcc"),
            List.of("-I" + dir.resolve("inc")),
            List.of("hv.h"),
            dir,
            dir.resolve("work"));
    // the compiler's own (stdc-predef.h) may come first
    List<Path> real =
        files.orElseThrow().stream()
            .map(
                p -> {
                  try {
                    return p.toRealPath();
                  } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                })
            .toList();
    assertTrue(
        real.containsAll(
            List.of(dir.resolve("hv.h").toRealPath(), dir.resolve("inc/xen/types.h").toRealPath())),
        real.toString());
    assertFalse(
        real.stream().anyMatch(p -> p.getFileName().toString().equals("headers.c")),
        real.toString());
  }

  @Test
  void aHeaderThatDoesNotPreprocessGivesNoList() throws Exception {
    assumeTrue(Executables.find("gcc").isPresent(), "gcc is not installed: test skipped");
    assertEquals(
        Optional.empty(),
        HeaderDependencies.of(
            List.of("gcc"), List.of(), List.of("no/such.h"), dir, dir.resolve("work")));
    assertEquals(
        Optional.empty(),
        HeaderDependencies.of(
            List.of("abiguard-no-such-cc"), List.of(), List.of("a.h"), dir, dir.resolve("work")));
  }

  @Test
  void fingerprintChangesWithOptionsAndContent() throws Exception {
    Path h = dir.resolve("hv.h");
    Files.writeString(h, "struct s { int a; };\n");
    String first = ImportStamp.fingerprint(List.of("package p"), List.of(h));
    assertEquals(first, ImportStamp.fingerprint(List.of("package p"), List.of(h)));
    assertNotEquals(first, ImportStamp.fingerprint(List.of("package q"), List.of(h)));
    Files.writeString(h, "struct s { long a; };\n");
    assertNotEquals(first, ImportStamp.fingerprint(List.of("package p"), List.of(h)));
  }

  @Test
  void upToDateNeedsTheSameFingerprintAndEveryWrittenFile() throws Exception {
    Path stamp = dir.resolve("stamp/import.stamp");
    Path out = dir.resolve("S.java");
    Files.writeString(out, "class S {}");
    assertFalse(ImportStamp.upToDate(stamp, "abc"));
    ImportStamp.write(stamp, "abc", List.of(out));
    assertTrue(ImportStamp.upToDate(stamp, "abc"));
    assertFalse(ImportStamp.upToDate(stamp, "abd"));
    Files.delete(out);
    assertFalse(ImportStamp.upToDate(stamp, "abc"));
  }
}
