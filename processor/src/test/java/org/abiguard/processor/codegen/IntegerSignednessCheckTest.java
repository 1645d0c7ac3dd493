package org.abiguard.processor.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
 * {@code abi-check.c} proves the signedness of integer members that are no bit-fields: {@code
 * int32_t space} and a mirror's {@code @U32 long space} have the same size and offset, so {@code
 * abi-asserts.h} passes them, but C reads the member as signed. Built with gcc beside the real
 * declarations (warning-free with {@code -Wall -Wextra -pedantic-errors} on every ABI) and run, it
 * passes mirrors that have no bit-field at all, and names mirror and member of each integer C reads
 * with the other signedness: a plain member, an array element, a union's member, a member of an
 * untagged member, an element of a flexible array. A member the mirror calls an integer and C
 * declares otherwise (Xen's guest handles, 8 bytes of a union of a pointer and a {@code uint64_t})
 * has no signedness and is left alone.
 */
class IntegerSignednessCheckTest {
  private static final Source PHYSMAP =
      Source.of(
          "p.Physmap",
          """
          package p;

          import org.abiguard.*;

          @AbiStruct(name = "physmap")
          public class Physmap {
            @AbiUnion(untagged = true)
            public static class U {
              @U32 public long gfn;
              @S16 public short delta;
            }

            @AbiStruct(untagged = true)
            public static class Slot {
              @U16 public int idx;
              @Pointer public long addr;
              @S8 public byte prio;
            }

            @U16 public int domid;
            @U32 public long space;
            @S16 public short offset;
            @U8 public int tag;
            @NativeLong(signed = true) public long diff;
            @AbiArray(3) @S32 public int[] deltas;
            @AbiArray({2, 2}) @U16 public int[] grid;
            public U u;
            @AbiArray(2) public Slot[] slots;
            public double ratio;
            // as the importer mirrors Xen's XEN_GUEST_HANDLE_64: C has a union, no integer
            @AbiAlign(8) @U64 public long handle;
            @U32 public long count;
            @AbiFlexible(count = "count") @S8 public byte[] data;
          }
          """);

  private static final Source VALUE =
      Source.of(
          "p.Value",
          """
          package p;

          import org.abiguard.*;

          @AbiUnion(name = "value")
          public class Value {
            @U64 public long raw;
            @S32 public int word;
          }
          """);

  private static final String HEADER =
      """
      #include <stdint.h>
      typedef struct { union { void *p; uint64_t q; } u; } handle_t;
      struct physmap {
          uint16_t domid;
          uint32_t space;
          int16_t offset;
          unsigned char tag;
          long diff;
          int32_t deltas[3];
          uint16_t grid[2][2];
          union { uint32_t gfn; int16_t delta; } u;
          struct { uint16_t idx; void *addr; int8_t prio; } slots[2];
          double ratio;
          _Alignas(8) handle_t handle;
          uint32_t count;
          int8_t data[];
      };
      union value { uint64_t raw; int32_t word; };
      """;

  private static String check;
  private static String asserts;

  @TempDir Path dir;

  @BeforeAll
  static void compile() {
    CompiledMirrors compiled = CompiledMirrors.onEveryAbi(PHYSMAP, VALUE);
    compiled.assertNoDiagnostic();
    asserts = compiled.asserts();
    check =
        CompiledClasses.resource(compiled.compilation(), "META-INF/abiguard/abi-check.c")
            .orElseThrow();
  }

  /** abi-check.c built after {@code header} for {@code abi} (skipped if it cannot run) and run. */
  private CHarness.Result run(TargetAbi abi, String header) {
    Optional<String> cannot = CHarness.emulatedRunProblem(abi);
    assumeTrue(cannot.isEmpty(), () -> cannot.orElse(""));
    Path h = CHarness.write(dir, "real.h", header);
    return CHarness.buildAndRunEmulated(
        abi,
        dir,
        "abi-check.c",
        check,
        List.of(
            "-std=c11",
            "-pedantic-errors",
            "-Wall",
            "-Wextra",
            "-Werror",
            "-include",
            h.toString()));
  }

  @Test
  void everyIntegerMemberIsChecked() {
    for (String member :
        List.of(
            "v.domid",
            "v.space",
            "v.offset",
            "v.tag",
            "v.diff",
            "v.deltas[0]",
            "v.grid[0][0]",
            "v.u.gfn",
            "v.u.delta",
            "v.slots[0].idx",
            "v.slots[0].prio",
            "v.count",
            "v.data[0]",
            "v.raw",
            "v.word")) {
      assertTrue(
          check.contains("expect_int_sign(ABIGUARD_NEGATIVE(" + member + "), "),
          member + "\n" + check);
    }
    // nothing to check in a pointer or a double
    assertFalse(check.contains("v.slots[0].addr"), check);
    assertFalse(check.contains("v.ratio"), check);
  }

  @ParameterizedTest
  @EnumSource(TargetAbi.class)
  void passesMirrorsWithoutBitFieldsThatCReadsAlike(TargetAbi abi) {
    CHarness.assertAssertsHold(abi, dir, HEADER, asserts);
    CHarness.Result ran = run(abi, HEADER);
    assertEquals(0, ran.exitCode(), ran::describe);
    assertFalse(ran.output().contains("MISMATCH"), ran::describe);
    // 13 members of physmap (data[0] too), 2 of value; not the handle, which C declares as a
    // struct: it has no signedness
    assertTrue(
        ran.output().contains("abi-check: 0 bit-field checks, 15 signedness checks, 0 mismatches"),
        ran::describe);
  }

  @Test
  void namesAPlainMemberThatCReadsAsSigned() {
    assertMismatch(
        TargetAbi.X86_64,
        HEADER.replace("uint32_t space;", "int32_t space;"),
        "p.Physmap.space (x86_64): C reads all ones as negative (signed), the mirror says u32");
  }

  @Test
  void namesANarrowMemberThatCReadsAsUnsigned() {
    // uint16_t is promoted to int, which keeps 0xffff positive
    assertMismatch(
        TargetAbi.I386,
        HEADER.replace("int16_t offset;", "uint16_t offset;"),
        "p.Physmap.offset (i386): C reads all ones as positive (unsigned), the mirror says s16");
  }

  @Test
  void namesPlainCharWhichX86ReadsAsSigned() {
    String header = HEADER.replace("unsigned char tag;", "char tag;");
    assertMismatch(
        TargetAbi.X86_64,
        header,
        "p.Physmap.tag (x86_64): C reads all ones as negative (signed), the mirror says u8");
    // aarch64's plain char is unsigned: the mirror's u8 holds there
    CHarness.Result ran = run(TargetAbi.AARCH64, header);
    assertEquals(0, ran.exitCode(), ran::describe);
  }

  @Test
  void namesAnArrayElement() {
    assertMismatch(
        TargetAbi.X86_64,
        HEADER.replace("uint16_t grid[2][2];", "int16_t grid[2][2];"),
        "p.Physmap.grid[0][0] (x86_64): C reads all ones as negative (signed), the mirror says u16");
  }

  @Test
  void namesAMemberOfAnUntaggedUnionMember() {
    assertMismatch(
        TargetAbi.X86_64,
        HEADER.replace("int16_t delta; } u;", "uint16_t delta; } u;"),
        "p.Physmap.u.delta (x86_64): C reads all ones as positive (unsigned), the mirror says s16");
  }

  @Test
  void namesAMemberOfAnUntaggedElement() {
    assertMismatch(
        TargetAbi.X86_64,
        HEADER.replace("int8_t prio; } slots[2];", "uint8_t prio; } slots[2];"),
        "p.Physmap.slots[0].prio (x86_64): C reads all ones as positive (unsigned), the mirror"
            + " says s8");
  }

  @Test
  void namesAFlexibleArrayElement() {
    assertMismatch(
        TargetAbi.X86_64,
        HEADER.replace("int8_t data[];", "uint8_t data[];"),
        "p.Physmap.data[0] (x86_64): C reads all ones as positive (unsigned), the mirror says s8");
  }

  @Test
  void namesAUnionsMember() {
    assertMismatch(
        TargetAbi.X86_64,
        HEADER.replace("uint64_t raw;", "int64_t raw;"),
        "p.Value.raw (x86_64): C reads all ones as negative (signed), the mirror says u64");
  }

  @Test
  void namesANativeLongOnTheAbiWhereItDiffers() {
    assertMismatch(
        TargetAbi.I386,
        HEADER.replace("long diff;", "unsigned long diff;"),
        "p.Physmap.diff (i386): C reads all ones as positive (unsigned), the mirror says s32");
  }

  /** abi-check.c exits 1 after {@code header}, printing {@code message} as its only mismatch. */
  private void assertMismatch(TargetAbi abi, String header, String message) {
    CHarness.Result ran = run(abi, header);
    assertEquals(1, ran.exitCode(), ran::describe);
    assertTrue(ran.output().contains("abi-check: MISMATCH " + message + "\n"), ran::describe);
    assertTrue(
        ran.output().contains("abi-check: 0 bit-field checks, 15 signedness checks, 1 mismatch"),
        ran::describe);
  }
}
