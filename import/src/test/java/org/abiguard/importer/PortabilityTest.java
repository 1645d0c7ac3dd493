package org.abiguard.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One mirror for every ABI where the declaration allows it; the rest left out with reason and line.
 */
class PortabilityTest {
  static final Path HEADERS = Path.of("src/test/resources/headers").toAbsolutePath();
  static final List<String> ABIS = List.of("x86_64", "i386", "aarch64");

  @TempDir Path out;

  @Test
  void portableTypesAreProvenAndTheOthersLeftOutWithTheirReason() throws Exception {
    String missing = Compilers.missing(ABIS);
    assumeTrue(missing == null, () -> "skipped: " + missing);
    ImportResult r =
        Importer.run(
            ImportOptions.builder(List.of("portability.h"), List.of(HEADERS), "p", out)
                .abis(ABIS)
                .build(),
            new RecordingLog());
    assertNull(r.problem());
    assertFalse(r.success());
    assertEquals(
        List.of(
            "struct same_everywhere",
            "struct differs_by_abi",
            "struct needs_differs",
            "struct has_long_double",
            "struct aligned_u64",
            "tagless_t",
            "struct callback_register",
            "struct empty_marker",
            "struct lowered",
            "packed_in_place",
            "struct packed_moves",
            "callback_t"),
        r.found());
    assertEquals(
        List.of(
            "struct same_everywhere",
            "struct aligned_u64",
            "tagless_t",
            "struct empty_marker",
            "packed_in_place"),
        r.proven());
    Map<String, ImportResult.LeftOut> left =
        r.leftOut().stream().collect(Collectors.toMap(ImportResult.LeftOut::cType, l -> l));
    assertEquals(7, left.size());
    assertEquals("portability.h:72", left.get("struct packed_moves").location());
    assertEquals(
        "member 'x' has its own __attribute__((packed)), which moves it off its type's alignment,"
            + " or lowers the struct's, on x86_64; abiguard has no annotation for a packed member"
            + " (only for a packed struct: @AbiStruct(pack = 1))",
        left.get("struct packed_moves").reason());
    assertEquals("portability.h:58", left.get("struct lowered").location());
    assertEquals(
        "typedef 'loose_ulong' lowers the alignment of 'unsigned long' from 8 to 4 on x86_64, which"
            + " abiguard has no annotation for (a packed struct lowers its members' alignment:"
            + " @AbiStruct(pack = N))",
        left.get("struct lowered").reason());
    assertEquals(
        "not portable: defined on i386, aarch64 but not on x86_64",
        left.get("callback_t").reason());
    assertEquals(
        "not portable: 'callback_t' is unsigned long on x86_64 but struct {...} on i386; abiguard"
            + " mirrors it only where one declaration serves every ABI",
        left.get("struct callback_register").reason());
    ImportResult.LeftOut differs = left.get("struct differs_by_abi");
    assertEquals("portability.h:11", differs.location());
    assertTrue(
        differs
            .reason()
            .startsWith(
                "not portable: declared differently on x86_64 and i386 (member 1: "
                    + "'uint64_t wide;' vs 'uint32_t wide;')"),
        differs.reason());
    assertTrue(
        left.get("struct needs_differs")
            .reason()
            .startsWith("needs struct differs_by_abi, which is left out"),
        left.get("struct needs_differs").reason());
    assertEquals("portability.h:24", left.get("struct has_long_double").location());
    assertEquals(
        "x86_64: 'long double' has no mirror (its format differs between ABIs: x87's 80 bits on"
            + " x86, IEEE's 128 on aarch64); abiguard mirrors integers, float, double, pointers,"
            + " structs and unions",
        left.get("struct has_long_double").reason());

    Path p = out.resolve("p");
    String same = Files.readString(p.resolve("SameEverywhere.java"));
    XenImportTest.assertContains(same, "@U32 public long a;");
    XenImportTest.assertContains(same, "@NativeLong public long b;");
    XenImportTest.assertContains(same, "@Pointer public long p;");
    XenImportTest.assertContains(same, "@U8 @AbiArray(8) public byte[] name = new byte[8];");
    XenImportTest.assertContains(
        Files.readString(p.resolve("AlignedU64.java")), "@AbiAlign(8) @U64 public long b;");
    String tagless = Files.readString(p.resolve("TaglessT.java"));
    XenImportTest.assertContains(tagless, "@AbiStruct(name = \"tagless_t\", typedef = true)");
    XenImportTest.assertContains(tagless, "@PortT public int port;");
    XenImportTest.assertContains(tagless, "@S16 public short delta;");
    XenImportTest.assertContains(tagless, "@S8 @AbiArray(3) public byte[] small = new byte[3];");
    XenImportTest.assertContains(
        Files.readString(p.resolve("EmptyMarker.java")),
        "@AbiStruct(name = \"empty_marker\", empty = true)\npublic class EmptyMarker {");
    assertFalse(Files.exists(p.resolve("DiffersByAbi.java")), "a type left out is not written");
    String inPlace = Files.readString(p.resolve("PackedInPlace.java"));
    XenImportTest.assertContains(
        inPlace,
        "@AbiStruct(name = \"packed_in_place\", typedef = true)\npublic class PackedInPlace {");
    XenImportTest.assertContains(inPlace, "@U32 public long ebx;");
  }

  @Test
  void aHeaderThatDoesNotCompileShowsTheCompilersMessage() {
    String missing = Compilers.missing(List.of("x86_64"));
    assumeTrue(missing == null, () -> "skipped: " + missing);
    RecordingLog log = new RecordingLog();
    ImportResult r =
        Importer.run(
            ImportOptions.builder(
                    List.of(HEADERS.resolve("broken.h").toString()), List.of(), "p", out)
                .abis(List.of("x86_64"))
                .build(),
            log);
    assertFalse(r.success());
    assertTrue(r.problem().contains("x86_64: the headers do not compile with 'gcc'"), r.problem());
    assertTrue(r.problem().contains("broken.h:4:5: error: expected"), r.problem());
    assertEquals(List.of(r.problem()), log.errors);
  }

  @Test
  void aMissingCompilerIsNamed() {
    ImportResult r =
        Importer.run(
            ImportOptions.builder(List.of("portability.h"), List.of(HEADERS), "p", out)
                .abis(List.of("aarch64"))
                .compilers(Map.of("aarch64", List.of("abiguard-no-such-cc")))
                .build(),
            new RecordingLog());
    assertEquals(
        "aarch64: no C compiler 'abiguard-no-such-cc' (give the compiler with --cc aarch64=COMMAND)",
        r.problem());
  }

  @Test
  void aMissingCompilerOffersTheOtherAbis() {
    ImportResult r =
        Importer.run(
            ImportOptions.builder(List.of("portability.h"), List.of(HEADERS), "p", out)
                .abis(List.of("aarch64", "x86_64", "i386"))
                .compilers(Map.of("aarch64", List.of("abiguard-no-such-cc")))
                .build(),
            new RecordingLog());
    assertEquals(
        "aarch64: no C compiler 'abiguard-no-such-cc' (give the compiler with --cc aarch64=COMMAND)"
            + "\nor import without aarch64: --abis x86_64,i386",
        r.problem());
  }

  @Test
  void aMissingDefaultCompilerNamesTheDebianPackage() {
    assertEquals(
        "aarch64: no C compiler 'aarch64-linux-gnu-gcc' (install the Debian package gcc-aarch64-linux-gnu)",
        org.abiguard.importer.cc.Toolchain.missingCompiler(
            Abi.AARCH64, List.of("aarch64-linux-gnu-gcc")));
    assertEquals(
        "i386: no C compiler 'gcc' (install the Debian package gcc-12-multilib)",
        org.abiguard.importer.cc.Toolchain.missingCompiler(Abi.I386, List.of("gcc", "-m32")));
  }
}
