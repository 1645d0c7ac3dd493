package org.abiguard.processor.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.abiguard.processor.CompiledClasses;
import org.abiguard.processor.Expected.Source;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.testing.CHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An array of a type that C declares inline without a tag ({@code struct { ... } slots[2];}), and a
 * flexible array of rows ({@code uint8_t data[][3]}), are proven like every other member: the C
 * assertions name the element's members through the first element ({@code slots[0].gfn}) and each
 * row's size, and {@code abi-check.c} sets the element's bit-fields.
 */
class UntaggedElementsProvenTest {
  private static final Source MIRRORS =
      Source.of(
          "p.Ring",
          """
          package p;

          import org.abiguard.*;

          @AbiStruct(name = "ring")
          public class Ring {
            @AbiStruct(untagged = true)
            public static class Slot {
              @U16 public int gfn;
              @Pointer public long addr;
              @U32 @AbiBits(5) public int kind;
              @S32 @AbiBits(9) public int prio;
            }

            @U8 public int head;
            @AbiArray(2) public Slot[] slots;
            @U16 public int n;
            @AbiFlexible @AbiArray(3) @U8 public int[] data;
          }
          """);

  private static final String HEADER =
      """
      #include <stdint.h>
      struct ring {
          uint8_t head;
          struct { uint16_t gfn; void *addr; uint32_t kind : 5; int32_t prio : 9; } slots[2];
          uint16_t n;
          uint8_t data[][3];
      };
      """;

  private static CompiledMirrors compiled;

  @TempDir Path dir;

  @BeforeAll
  static void compile() {
    compiled = CompiledMirrors.onEveryAbi(MIRRORS);
  }

  @Test
  void compilesWithoutAnyDiagnostic() {
    compiled.assertNoDiagnostic();
  }

  @ParameterizedTest
  @EnumSource(TargetAbi.class)
  void theCCompilerProvesTheRightHeader(TargetAbi abi) {
    String asserts = compiled.asserts();
    assertTrue(asserts.contains("offsetof(struct ring, slots[0].addr) =="), asserts);
    assertTrue(asserts.contains("sizeof(((struct ring *)0)->data[0]) == 3"), asserts);
    CHarness.assertAssertsHold(abi, dir, HEADER, compiled.asserts());
  }

  @ParameterizedTest
  @EnumSource(TargetAbi.class)
  void theCCompilerNamesAnElementMemberThatMoved(TargetAbi abi) {
    assertRefused(
        abi,
        HEADER.replace("uint16_t gfn; void *addr;", "void *addr; uint16_t gfn;"),
        "p.Ring slots[0].gfn: offsetof(struct ring, slots[0].gfn) must be");
  }

  @ParameterizedTest
  @EnumSource(TargetAbi.class)
  void theCCompilerNamesARowOfAnotherLength(TargetAbi abi) {
    assertRefused(
        abi,
        HEADER.replace("data[][3]", "data[][4]"),
        "p.Ring.data: sizeof(((struct ring *)0)->data[0]) must be 3");
  }

  /** The C compiler refuses the assertions after {@code header}, with {@code message}. */
  private void assertRefused(TargetAbi abi, String header, String message) {
    CHarness.assumeCompiler(abi);
    CHarness.Result r =
        CHarness.checkAsserts(abi, dir, CHarness.write(dir, "h.h", header), compiled.asserts());
    assertFalse(r.ok(), r::describe);
    assertTrue(r.output().contains(message), r::describe);
  }

  @Test
  void abiCheckSetsTheElementsBitFieldsAndTheirSignedness() {
    CHarness.assumeRunnable(TargetAbi.X86_64);
    String check =
        CompiledClasses.resource(compiled.compilation(), "META-INF/abiguard/abi-check.c")
            .orElseThrow();
    Path right = CHarness.write(dir, "right.h", HEADER);
    CHarness.Result ran =
        CHarness.buildAndRunEmulated(
            TargetAbi.X86_64,
            dir,
            "abi-check.c",
            check,
            List.of("-Wall", "-Werror", "-include", right.toString()));
    assertEquals(0, ran.exitCode(), ran::describe);
    // kind: 1, all ones, signedness; prio likewise, on each of the three ABIs' sections (one runs);
    // the signedness of head, slots[0].gfn, n and data[0][0] (addr is a pointer)
    assertTrue(
        ran.output().contains("abi-check: 6 bit-field checks, 4 signedness checks, 0 mismatches"),
        ran::describe);

    Path unsigned =
        CHarness.write(dir, "unsigned.h", HEADER.replace("int32_t prio : 9", "uint32_t prio : 9"));
    ran =
        CHarness.buildAndRunEmulated(
            TargetAbi.X86_64, dir, "abi-check.c", check, List.of("-include", unsigned.toString()));
    assertEquals(1, ran.exitCode(), ran::describe);
    assertTrue(
        ran.output()
            .contains(
                "abi-check: MISMATCH p.Ring.slots[0].prio (x86_64): C reads all ones as positive"
                    + " (unsigned), the mirror says s9"),
        ran::describe);
  }
}
