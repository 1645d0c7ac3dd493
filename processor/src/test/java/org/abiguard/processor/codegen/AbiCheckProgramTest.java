package org.abiguard.processor.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import org.abiguard.processor.Compile;
import org.abiguard.processor.CompiledClasses;
import org.abiguard.processor.Expected.Source;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.testing.CHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated {@code abi-check.c} built with gcc beside a header and run: it passes a mirror
 * whose bit-fields C lays out as the mirror says, names the member and both byte strings of one
 * that C lays out otherwise or reads with the other signedness, and builds beside headers that
 * declare what the C library also declares (Linux's {@code <linux/time.h>} has its own {@code
 * struct timeval}).
 */
class AbiCheckProgramTest {
  private static final Source REQUEST =
      Source.of(
          "p.HvRequest",
          """
          package p;

          import org.abiguard.*;

          @AbiStruct(name = "hv_request")
          public class HvRequest {
            @U32 @AbiBits(4) public int version;
            @U32 @AbiBits(12) public int flags;
            @U16 public int id;
          }
          """);

  private static String check;

  @TempDir Path dir;

  @BeforeAll
  static void compile() {
    Compilation compilation = Compile.javac(List.of("-Aabiguard.abis=x86_64"), REQUEST);
    assertThat(compilation).succeededWithoutWarnings();
    check = CompiledClasses.resource(compilation, "META-INF/abiguard/abi-check.c").orElseThrow();
  }

  private CHarness.Result run(String header) {
    CHarness.assumeRunnable(TargetAbi.X86_64);
    Path h = CHarness.write(dir, "real.h", "#include <stdint.h>\n" + header);
    return CHarness.buildAndRunEmulated(
        TargetAbi.X86_64,
        dir,
        "abi-check.c",
        check,
        List.of("-Wall", "-Werror", "-include", h.toString()));
  }

  @Test
  void buildsBesideLinuxTimeHeaderAndPassesAMatchingMirror() {
    CHarness.Result ran =
        run(
            """
            #include <linux/time.h>
            struct hv_request { uint32_t version : 4; uint32_t flags : 12; uint16_t id; };
            """);
    assertEquals(0, ran.exitCode(), ran::describe);
    assertTrue(
        ran.output().contains("abi-check: 6 bit-field checks, 1 signedness check, 0 mismatches"),
        ran::describe);
  }

  @Test
  void namesTheMemberAndBothByteStringsOfAMismatch() {
    CHarness.Result ran =
        run("struct hv_request { uint32_t flags : 12; uint32_t version : 4; uint16_t id; };\n");
    assertEquals(1, ran.exitCode(), ran::describe);
    assertTrue(
        ran.output()
            .contains(
                "abi-check: MISMATCH p.HvRequest.version (x86_64) = 0xfULL: C wrote 00f00000,"
                    + " the mirror's layout says 0f000000\n"),
        ran::describe);
    assertTrue(
        ran.output().contains("abi-check: 6 bit-field checks, 1 signedness check, 4 mismatches"),
        ran::describe);
  }

  @Test
  void namesABitFieldThatCReadsWithTheOtherSignedness() {
    // the same bits in the same place: only reading them back tells signed from unsigned
    CHarness.Result ran =
        run("struct hv_request { uint32_t version : 4; int32_t flags : 12; uint16_t id; };\n");
    assertEquals(1, ran.exitCode(), ran::describe);
    assertTrue(
        ran.output()
            .contains(
                "abi-check: MISMATCH p.HvRequest.flags (x86_64): C reads all ones as negative"
                    + " (signed), the mirror says u12\n"),
        ran::describe);
    assertTrue(
        ran.output().contains("abi-check: 6 bit-field checks, 1 signedness check, 1 mismatch"),
        ran::describe);
  }
}
