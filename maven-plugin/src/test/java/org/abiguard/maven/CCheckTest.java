package org.abiguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check-c with the real C compilers against mirrors built by the real processor. */
class CCheckTest {
  private static final String HEADER =
      """
      #include <stdint.h>
      struct hv_request {
          uint16_t domid;
          uint16_t flags;
          uint32_t op;
          unsigned long arg;
      };
      """;

  private static String mirror(String flagsWidth) {
    return """
        package p;

        import org.abiguard.*;

        @AbiStruct(name = "hv_request")
        public class HvRequest {
          @U16 public int domid;
          @%s public long flags;
          @U32 public long op;
          @NativeLong public long arg;
        }
        """
        .formatted(flagsWidth);
  }

  @TempDir Path dir;

  private Path classes(String abis, String flagsWidth) throws IOException {
    Files.writeString(dir.resolve("hv.h"), HEADER);
    return Mirrors.compile(dir, abis, Map.of("p/HvRequest.java", mirror(flagsWidth)));
  }

  private CCheck.Options options(
      Path classes, List<String> abis, Map<String, String> compilers, boolean skip) {
    return new CCheck.Options(
        dir,
        classes,
        dir.resolve("work"),
        List.of("hv.h"),
        List.of(),
        List.of(),
        List.of(),
        abis,
        compilers,
        Map.of(),
        skip,
        true,
        System.getProperty("os.arch"));
  }

  private static void assumeCompiler(String... command) throws IOException {
    assumeTrue(
        Executables.find(command[0]).isPresent(), command[0] + " is not installed: test skipped");
    Path probe = Files.createTempFile("abiguard-probe", ".c");
    try {
      Files.writeString(probe, "#include <stdint.h>\n");
      List<String> cmd = new java.util.ArrayList<>(List.of(command));
      cmd.addAll(List.of("-fsyntax-only", probe.toString()));
      assumeTrue(
          Processes.run(cmd, probe.getParent(), 60).succeeded(),
          String.join(" ", command)
              + " cannot compile (multilib or cross headers missing): test skipped");
    } finally {
      Files.delete(probe);
    }
  }

  @Test
  void rightMirrorPassesOnEveryAbi() throws Exception {
    assumeCompiler("gcc");
    assumeCompiler("gcc", "-m32");
    assumeCompiler("aarch64-linux-gnu-gcc");
    RecordingLog log = new RecordingLog();
    CCheck.Result result =
        CCheck.run(options(classes("x86_64,i386,aarch64", "U16"), List.of(), Map.of(), false), log);
    assertEquals(List.of(), log.errors, log.toString());
    assertEquals(List.of("x86_64", "i386", "aarch64"), result.checked());
    assertFalse(result.failed());
    // per ABI: abi-check.c's summary, then the match
    assertEquals(6, log.infos.size(), log.toString());
    assertEquals(
        "abiguard check-c: i386: abi-check: 0 bit-field checks, 4 signedness checks, 0 mismatches",
        log.infos.get(2));
    // sizeof, _Alignof, and offsetof and sizeof of each of the 4 members
    assertEquals(
        "abiguard check-c: i386 (gcc -m32): the mirrors match hv.h (10 assertions; abi-check.c ran)",
        log.infos.get(3));
  }

  @Test
  void wrongMemberIsNamedWithTheMirrorsValueAndC() throws Exception {
    assumeCompiler("gcc");
    assumeCompiler("gcc", "-m32");
    RecordingLog log = new RecordingLog();
    CCheck.Result result =
        CCheck.run(options(classes("x86_64,i386", "U32"), List.of(), Map.of(), false), log);
    assertTrue(result.failed());
    assertEquals(List.of("x86_64", "i386"), result.checked());
    // flags is a uint16_t in C: the mirror's u32 makes it 4 bytes and moves 'op'
    assertTrue(
        log.errors.contains(
            "[abiguard:layout] p.HvRequest.flags: sizeof(((struct hv_request *)0)->flags)"
                + " must be 4 (x86_64) as the Java mirror says, but C has 2 [gcc: abi-asserts.h:22: static assertion failed]"),
        log.toString());
    assertTrue(
        log.errors.stream()
            .anyMatch(
                e ->
                    e.startsWith(
                        "[abiguard:layout] p.HvRequest.op:"
                            + " offsetof(struct hv_request, op) must be 8 (i386) as the Java mirror says, but C has 4 [gcc -m32:")),
        log.toString());
    assertEquals(log.errors, result.errors());
    assertTrue(
        result
            .failure()
            .startsWith(
                "abiguard check-c: "
                    + log.errors.size()
                    + " problems between the Java mirrors and the C headers (see the errors"
                    + " above); first: [abiguard:layout] "),
        result.failure());
  }

  @Test
  void memberOfTheOtherSignednessIsNamedByAbiCheck() throws Exception {
    assumeCompiler("gcc");
    RecordingLog log = new RecordingLog();
    CCheck.Result result =
        CCheck.run(options(classes("x86_64", "S16"), List.of(), Map.of(), false), log);
    // flags is a uint16_t in C: the mirror's s16 has its size and offset, so only abi-check.c,
    // reading all ones back, tells them apart
    assertTrue(result.failed());
    assertEquals(
        List.of(
            "[abiguard:layout] p.HvRequest.flags (x86_64): C reads all ones as positive (unsigned),"
                + " the mirror says s16 [gcc: abi-check.c]"),
        log.errors,
        log.toString());
  }

  @Test
  void anAbiOfTheBuildThatAbisLeavesOutFailsTheCheck() throws Exception {
    // a plugin-level <abis>x86_64</abis> (say, for import) in a build for x86_64 and i386: the
    // i386 marshallers and assertions would ship unproven, so check-c fails naming i386
    assumeCompiler("gcc");
    RecordingLog log = new RecordingLog();
    CCheck.Result result =
        CCheck.run(options(classes("x86_64,i386", "U16"), List.of("x86_64"), Map.of(), false), log);
    assertEquals(List.of("x86_64"), result.checked());
    assertTrue(result.failed());
    String error =
        "abiguard check-c: i386 would not be proven: the build has i386 layouts"
            + " (-Aabiguard.abis=x86_64,i386), and <abis>x86_64</abis> leaves it out; remove <abis>"
            + " to check every ABI the build has (the import goal follows -Aabiguard.abis too), or"
            + " leave i386 out of -Aabiguard.abis if the build is not for it (or set"
            + " <skipMissingCompilers>true</skipMissingCompilers> to check only the ABIs of <abis>,"
            + " with a warning)";
    assertEquals(List.of(error), log.errors);
    assertEquals(
        "abiguard check-c: i386 not proven: the build has its layouts, and check-c could not check"
            + " it (see the errors above); first: "
            + error.substring("abiguard check-c: ".length()),
        result.failure());
  }

  @Test
  void anAbiOfTheBuildThatAbisLeavesOutIsAWarningWhenSkipped() throws Exception {
    assumeCompiler("gcc");
    RecordingLog log = new RecordingLog();
    CCheck.Result result =
        CCheck.run(options(classes("x86_64,i386", "U16"), List.of("x86_64"), Map.of(), true), log);
    assertFalse(result.failed(), log.toString());
    assertEquals(List.of("x86_64"), result.checked());
    assertEquals(List.of("i386"), result.skipped());
    assertEquals(
        List.of(
            "abiguard check-c: i386 not checked: the build has i386 layouts"
                + " (-Aabiguard.abis=x86_64,i386), and <abis>x86_64</abis> leaves it out; remove"
                + " <abis> to check every ABI the build has"),
        log.warnings);
  }

  @Test
  void abisThatNameEveryAbiOfTheBuildCheckThem() throws Exception {
    assumeCompiler("gcc");
    assumeCompiler("gcc", "-m32");
    RecordingLog log = new RecordingLog();
    CCheck.Result result =
        CCheck.run(
            options(classes("x86_64,i386", "U16"), List.of("i386", "x86_64"), Map.of(), false),
            log);
    assertEquals(List.of("i386", "x86_64"), result.checked());
    assertEquals(List.of(), log.errors);
    assertEquals(List.of(), log.warnings);
  }

  @Test
  void anAbiTheBuildDoesNotLayOutIsAConfigurationError() throws Exception {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                CCheck.run(
                    options(classes("x86_64", "U16"), List.of("aarch64"), Map.of(), false),
                    new RecordingLog()));
    assertEquals(
        "abiguard check-c: the build has no aarch64 layouts, so abi-asserts.h asserts nothing for it; add it"
            + " to -Aabiguard.abis (now: x86_64) or remove it from <abis>",
        e.getMessage());
  }

  @Test
  void missingCompilerFailsNamingWhatToInstall() throws Exception {
    RecordingLog log = new RecordingLog();
    CCheck.Result result =
        CCheck.run(
            options(
                classes("x86_64", "U16"),
                List.of(),
                Map.of("x86_64", "abiguard-no-such-cc -O2"),
                false),
            log);
    assertTrue(result.failed());
    assertEquals(
        List.of(
            "abiguard check-c: the x86_64 compiler is missing: 'abiguard-no-such-cc' is not on the PATH;"
                + " install it, or set <compilers><x86_64>COMMAND</x86_64></compilers> to a compiler for x86_64 (or set"
                + " <skipMissingCompilers>true</skipMissingCompilers> to check only the ABIs whose compiler is installed)"),
        log.errors);
    // a missing compiler is no problem between the mirrors and the headers
    assertEquals(
        "abiguard check-c: x86_64 not proven: the build has its layouts, and check-c could not"
            + " check it (see the errors above); first: the x86_64 compiler is missing:"
            + " 'abiguard-no-such-cc' is not on the PATH; install it, or set"
            + " <compilers><x86_64>COMMAND</x86_64></compilers> to a compiler for x86_64 (or set"
            + " <skipMissingCompilers>true</skipMissingCompilers> to check only the ABIs whose"
            + " compiler is installed)",
        result.failure());
  }

  @Test
  void missingDefaultCompilerNamesTheDebianPackage() {
    Toolchain aarch64 = Toolchain.of(org.abiguard.processor.layout.TargetAbi.AARCH64, Map.of());
    assertEquals(
        "on Debian/Ubuntu: apt-get install gcc-aarch64-linux-gnu; or set"
            + " <compilers><aarch64>COMMAND</aarch64></compilers>",
        aarch64.installHint());
    assertEquals(
        "gcc-12-multilib", Toolchain.debianPackage(org.abiguard.processor.layout.TargetAbi.I386));
  }

  @Test
  void missingCompilerIsAWarningWhenSkipped() throws Exception {
    assumeCompiler("gcc");
    RecordingLog log = new RecordingLog();
    CCheck.Result result =
        CCheck.run(
            options(
                classes("x86_64,i386", "U16"),
                List.of(),
                Map.of("i386", "abiguard-no-such-cc"),
                true),
            log);
    assertFalse(result.failed(), log.toString());
    assertEquals(List.of("x86_64"), result.checked());
    assertEquals(List.of("i386"), result.skipped());
    assertEquals(1, log.warnings.size());
    assertTrue(
        log.warnings
            .get(0)
            .startsWith("abiguard check-c: i386 not checked: the i386 compiler is missing"),
        log.toString());
  }

  @Test
  void compilerForAnotherAbiIsRejected() throws Exception {
    assumeCompiler("gcc");
    RecordingLog log = new RecordingLog();
    CCheck.Result result =
        CCheck.run(options(classes("i386", "U16"), List.of(), Map.of("i386", "gcc"), false), log);
    assertTrue(result.failed());
    assertEquals(
        List.of(
            "abiguard check-c: the i386 compiler 'gcc' does not build for i386 (it does not define"
                + " __i386__); set <compilers><i386>COMMAND</i386></compilers> to a compiler for i386"),
        log.errors);
  }

  @Test
  void headerErrorsAreTheCompilersOwnLines() throws Exception {
    assumeCompiler("gcc");
    Path classes = classes("x86_64", "U16");
    RecordingLog log = new RecordingLog();
    CCheck.Options missing =
        new CCheck.Options(
            dir,
            classes,
            dir.resolve("work"),
            List.of("no/such.h"),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            Map.of(),
            Map.of(),
            false,
            true,
            "amd64");
    assertTrue(CCheck.run(missing, log).failed());
    assertEquals(
        "abiguard check-c: x86_64 (gcc): <command-line>: fatal error: no/such.h: No such file or directory",
        log.errors.get(0),
        log.toString());
  }

  @Test
  void includesAndDefinesReachTheCompiler() throws Exception {
    assumeCompiler("gcc");
    Path classes = classes("x86_64", "U16");
    Files.createDirectories(dir.resolve("inc/xen"));
    Files.writeString(
        dir.resolve("inc/xen/hv2.h"), "#ifndef HV_OK\n#error HV_OK not defined\n#endif\n" + HEADER);
    RecordingLog log = new RecordingLog();
    CCheck.Options options =
        new CCheck.Options(
            dir,
            classes,
            dir.resolve("work"),
            List.of("xen/hv2.h"),
            List.of(Path.of("inc")),
            List.of("HV_OK=1"),
            List.of("-std=gnu11"),
            List.of(),
            Map.of(),
            Map.of(),
            false,
            true,
            "amd64");
    assertFalse(CCheck.run(options, log).failed(), log.toString());
  }

  @Test
  void noAssertsAndNoHeadersIsAWarning() throws Exception {
    // nothing was asked for and nothing was built (with headers, see
    // configuredHeadersWithoutAssertsFailTheCheck)
    Path classes = Files.createDirectories(dir.resolve("empty"));
    RecordingLog log = new RecordingLog();
    CCheck.Options options =
        new CCheck.Options(
            dir,
            classes,
            dir.resolve("work"),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            Map.of(),
            Map.of(),
            false,
            true,
            "amd64");
    CCheck.Result result = CCheck.run(options, log);
    assertFalse(result.failed());
    assertEquals(1, log.warnings.size());
    assertTrue(
        log.warnings
            .get(0)
            .contains("abiguard-processor is not in the compiler's annotationProcessorPaths"));
  }

  @Test
  void noHeadersIsAConfigurationError() throws Exception {
    Path classes = classes("x86_64", "U16");
    CCheck.Options options =
        new CCheck.Options(
            dir,
            classes,
            dir.resolve("work"),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            Map.of(),
            Map.of(),
            false,
            true,
            "amd64");
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> CCheck.run(options, new RecordingLog()));
    assertTrue(e.getMessage().startsWith("abiguard check-c needs <headers>"));
  }

  /**
   * abi-check.c is the processor's (0.2); here one written by hand, in its output format, stands in
   * for it.
   */
  @Test
  void abiCheckProgramRunsAndItsMismatchesBecomeErrors() throws Exception {
    assumeCompiler("gcc");
    Path classes = classes("x86_64", "U16");
    Files.writeString(
        classes.resolve(CCheck.CHECK),
        """
        #include <stdio.h>
        int main(void) {
          struct hv_request r = {0};
          r.flags = 1;
          unsigned char *b = (unsigned char *)&r;
          printf("abi-check: MISMATCH p.HvRequest.flags (x86_64) = 1: C wrote %02x%02x, the mirror's layout says 0001\\n",
              b[2], b[3]);
          printf("abi-check: 1 bit-field check, 1 mismatch\\n");
          return 1;
        }
        """);
    RecordingLog log = new RecordingLog();
    CCheck.Result result = CCheck.run(options(classes, List.of(), Map.of(), false), log);
    assertEquals(
        List.of(
            "[abiguard:layout] p.HvRequest.flags (x86_64) = 1: C wrote 0100, the mirror's layout says"
                + " 0001 [gcc: abi-check.c]"),
        log.errors,
        log.toString());
    assertEquals(
        List.of("abiguard check-c: x86_64: abi-check: 1 bit-field check, 1 mismatch"), log.infos);
    assertTrue(result.failed());
  }

  @Test
  void abiCheckProgramThatFailsOtherwiseIsAnError() throws Exception {
    assumeCompiler("gcc");
    Path classes = classes("x86_64", "U16");
    Files.writeString(
        classes.resolve(CCheck.CHECK),
        """
        #include <stdio.h>
        int main(void) { printf("abi-check: out of memory\\n"); return 1; }
        """);
    RecordingLog log = new RecordingLog();
    assertTrue(CCheck.run(options(classes, List.of(), Map.of(), false), log).failed());
    assertEquals(
        List.of("abiguard check-c: x86_64: abi-check: out of memory [gcc: abi-check.c]"),
        log.errors);
  }

  @Test
  void abiCheckProgramThatPassesKeepsTheBuildGreen() throws Exception {
    assumeCompiler("gcc");
    Path classes = classes("x86_64", "U16");
    Files.writeString(
        classes.resolve(CCheck.CHECK),
        """
        #include <stdio.h>
        int main(void) {
          struct hv_request r = {0};
          printf("abi-check: 0 bit-field checks, 0 mismatches\\n");
          return (int) r.op;
        }
        """);
    RecordingLog log = new RecordingLog();
    assertFalse(
        CCheck.run(options(classes, List.of(), Map.of(), false), log).failed(), log.toString());
    assertEquals(
        List.of(
            "abiguard check-c: x86_64: abi-check: 0 bit-field checks, 0 mismatches",
            "abiguard check-c: x86_64 (gcc): the mirrors match hv.h (10 assertions; abi-check.c ran)"),
        log.infos);
    assertTrue(Files.isExecutable(dir.resolve("work/x86_64/abi-check")));
  }

  @Test
  void abiCheckProgramForAnotherArchitectureRunsUnderQemu() throws Exception {
    assumeCompiler("aarch64-linux-gnu-gcc");
    assumeTrue(
        Executables.find("qemu-aarch64").isPresent(),
        "qemu-aarch64 (qemu-user) is not installed: test skipped");
    Path classes = classes("aarch64", "U16");
    Files.writeString(
        classes.resolve(CCheck.CHECK),
        """
        #include <stdio.h>
        int main(void) {
        #if defined(__aarch64__)
          printf("abi-check: MISMATCH p.HvRequest.flags (aarch64) = 1: ran as aarch64\\n");
        #endif
          return 1;
        }
        """);
    RecordingLog log = new RecordingLog();
    assertTrue(CCheck.run(options(classes, List.of(), Map.of(), false), log).failed());
    assertEquals(
        List.of(
            "[abiguard:layout] p.HvRequest.flags (aarch64) = 1: ran as aarch64"
                + " [aarch64-linux-gnu-gcc: abi-check.c]"),
        log.errors,
        log.toString());
  }

  @Test
  void configuredHeadersWithoutAssertsFailTheCheck() throws Exception {
    // the compiler ran without abiguard-processor: no abi-asserts.h, nothing could be proven
    Files.writeString(dir.resolve("hv.h"), HEADER);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> CCheck.run(options(classes, List.of(), Map.of(), false), new RecordingLog()));
    assertEquals(
        "abiguard check-c: cannot prove the mirrors against hv.h: META-INF/abiguard/abi-asserts.h"
            + " is not in "
            + classes
            + ", so the build wrote none (abiguard-processor is not in the compiler's"
            + " annotationProcessorPaths, or the build has no @AbiStruct mirror); add the processor"
            + " to annotationProcessorPaths, or, in a module without mirrors, remove the check-c"
            + " goal or skip it with -Dabiguard.checkC.skip=true",
        e.getMessage());
  }
}
