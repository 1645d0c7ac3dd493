package org.abiguard.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path out;

  @Test
  void optionsAsTheSpecWritesThem() {
    ImportOptions o =
        Main.parse(
            new String[] {
              "--header",
              "public/memory.h",
              "--header",
              "x.h",
              "-I",
              "inc",
              "-Iother",
              "-D",
              "A=1",
              "-DB",
              "--package",
              "org.example.xen",
              "--out",
              "src/main/java",
              "--types",
              "xen_.*",
              "--abis",
              "x86_64,aarch64",
              "--cc",
              "aarch64=aarch64-linux-gnu-gcc-12 -O0"
            });
    assertEquals(List.of("public/memory.h", "x.h"), o.headers());
    assertEquals(List.of(Path.of("inc"), Path.of("other")), o.includeDirs());
    assertEquals(List.of("A=1", "B"), o.defines());
    assertEquals("org.example.xen", o.packageName());
    assertEquals(Path.of("src/main/java"), o.outDir());
    assertEquals("xen_.*", o.types().pattern());
    assertEquals(List.of("x86_64", "aarch64"), o.abis());
    assertEquals(List.of("aarch64-linux-gnu-gcc-12", "-O0"), o.compiler("aarch64"));
    assertEquals(List.of("gcc"), o.compiler("x86_64"));
  }

  @Test
  void defaultsAreTheThreeAbisAndTheirCompilers() {
    ImportOptions o = Main.parse(new String[] {"--header", "h.h", "--package", "p", "--out", "o"});
    assertEquals(List.of("x86_64", "i386", "aarch64"), o.abis());
    assertEquals(List.of("gcc", "-m32"), o.compiler("i386"));
    assertEquals(List.of("aarch64-linux-gnu-gcc"), o.compiler("aarch64"));
    assertEquals(false, o.abiSpecific(), "mirrors for every ABI of the build");
    assertEquals(false, o.splitAbis(), "types declared differently per ABI left out");
  }

  @Test
  void abiSpecificIsAFlag() {
    ImportOptions o =
        Main.parse(
            new String[] {
              "--header", "h.h", "--abi-specific", "--abis", "i386", "--package", "p", "--out", "o"
            });
    assertEquals(true, o.abiSpecific());
    assertEquals(List.of("i386"), o.abis());
  }

  @Test
  void splitAbisIsAFlag() {
    ImportOptions o =
        Main.parse(
            new String[] {"--header", "h.h", "--split-abis", "--package", "p", "--out", "o"});
    assertEquals(true, o.splitAbis());
    assertEquals(false, o.abiSpecific());
  }

  @Test
  void helpDescribesEveryOptionAndExitsZero() {
    for (String help : List.of("--help", "-h")) {
      RecordingLog log = new RecordingLog();
      assertEquals(0, Main.run(new String[] {"--package", "p", help}, log));
      assertEquals(List.of(Main.HELP), log.infos);
      assertEquals(List.of(), log.errors);
    }
    for (String option :
        List.of(
            "--header",
            "-I",
            "-D",
            "--package",
            "--out",
            "--types",
            "--abis",
            "--cc",
            "--abi-specific",
            "--split-abis")) {
      assertTrue(Main.HELP.contains("\n  " + option + " "), option);
    }
  }

  @Test
  void aBadCommandLineExitsTwoWithTheUsage() {
    RecordingLog log = new RecordingLog();
    assertEquals(2, Main.run(new String[] {"--frobnicate", "x"}, log));
    assertEquals("unknown option --frobnicate", log.errors.get(0));
    assertTrue(
        log.errors.get(1).startsWith("usage: java -jar abiguard-import.jar"), log.errors::toString);
  }

  @Test
  void badOptionsAreNamed() {
    assertEquals(
        "no --header given",
        assertThrows(
                IllegalArgumentException.class,
                () -> Main.parse(new String[] {"--package", "p", "--out", "o"}))
            .getMessage());
    assertEquals(
        "unknown option --frobnicate",
        assertThrows(
                IllegalArgumentException.class,
                () -> Main.parse(new String[] {"--frobnicate", "x"}))
            .getMessage());
    assertEquals(
        "unknown ABI 'sparc'; known: x86_64, i386, aarch64",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    Main.parse(
                        new String[] {
                          "--header", "h", "--package", "p", "--out", "o", "--cc", "sparc=gcc"
                        }))
            .getMessage());
    RecordingLog log = new RecordingLog();
    assertEquals(2, Main.run(new String[] {"--header"}, log));
    assertEquals("option --header needs a value", log.errors.get(0));
  }

  @Test
  void anUnknownOptionLastIsUnknownNotShortOfAValue() {
    RecordingLog log = new RecordingLog();
    assertEquals(2, Main.run(new String[] {"--header", "h", "--bogus"}, log));
    assertEquals("unknown option --bogus", log.errors.get(0));
  }

  @Test
  void emptyAbisIsAnErrorNotEveryAbi() {
    assertEquals(
        "--abis names no ABI (known: x86_64, i386, aarch64; without --abis, all of them)",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    Main.parse(
                        new String[] {
                          "--header", "h", "--package", "p", "--out", "o", "--abis", ""
                        }))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Main.parse(new String[] {"--header", "h", "--package", "p", "--out", "o", "--abis=,"}));
  }

  @Test
  void anOutDirectoryThatCannotBeWrittenSaysWhatFailed() throws Exception {
    String missing = Compilers.missing(List.of("x86_64"));
    assumeTrue(missing == null, () -> "skipped: " + missing);
    Path file = Files.writeString(out.resolve("a-file"), "not a directory");
    RecordingLog log = new RecordingLog();
    assertEquals(
        2,
        Main.run(
            new String[] {
              "--header",
              "portability.h",
              "-I",
              PortabilityTest.HEADERS.toString(),
              "--package",
              "p",
              "--out",
              file.resolve("sub").toString(),
              "--abis",
              "x86_64",
              "--types",
              "same_everywhere"
            },
            log));
    assertEquals(
        "cannot write the mirrors under "
            + file.resolve("sub")
            + ": "
            + file.resolve("sub")
            + ": Not a directory",
        log.errors.get(log.errors.size() - 1));
  }

  @Test
  void exitStatusSaysWhetherEverythingAskedForWasWritten() throws Exception {
    String missing = Compilers.missing(List.of("x86_64"));
    assumeTrue(missing == null, () -> "skipped: " + missing);
    String headers = PortabilityTest.HEADERS.toString();
    assertEquals(
        0,
        Main.run(
            new String[] {
              "--header",
              "portability.h",
              "-I",
              headers,
              "--package",
              "p",
              "--out",
              out.toString(),
              "--abis",
              "x86_64",
              "--types",
              "same_everywhere|tagless_t"
            },
            new RecordingLog()));
    assertTrue(Files.exists(out.resolve("p/SameEverywhere.java")));
    assertEquals(
        1,
        Main.run(
            new String[] {
              "--header",
              "portability.h",
              "-I",
              headers,
              "--package",
              "p",
              "--out",
              out.toString(),
              "--abis",
              "x86_64"
            },
            new RecordingLog()));
  }
}
