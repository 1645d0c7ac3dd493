package org.abiguard.importer.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.abiguard.importer.Abi;
import org.abiguard.importer.c.Declarations;
import org.abiguard.importer.c.Parser;
import org.abiguard.importer.cc.Probes;
import org.abiguard.importer.cc.Toolchain;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mirrors the mapper writes for the C of abiguard 0.2, with every number from the three
 * compilers.
 */
class MapperTest {
  static final List<String> ABIS = List.of("x86_64", "i386", "aarch64");
  static Mapper mapper;
  static String skip;
  @TempDir static Path work;

  @BeforeAll
  static void frontEnd() throws Exception {
    Path headers = Path.of("src/test/resources/headers").toAbsolutePath();
    List<Toolchain> toolchains = new ArrayList<>();
    Map<String, Declarations> decls = new LinkedHashMap<>();
    for (String abi : ABIS) {
      Abi a = Abi.of(abi);
      Toolchain tc =
          new Toolchain(
              a, a.defaultCompiler(), List.of(headers), List.of(), List.of("layouts.h"), work);
      try {
        tc.check();
        decls.put(abi, Parser.parse(tc.preprocess()).declarations());
      } catch (Toolchain.CompilerFailure e) {
        skip = e.getMessage();
        return;
      }
      toolchains.add(tc);
    }
    Probes probes = new Probes();
    mapper = new Mapper(ABIS, decls, probes);
    mapper.collecting = true;
    for (String key :
        List.of(
            "struct with_union",
            "struct with_bits",
            "struct with_anonymous",
            "struct with_flexible",
            "struct packed_one",
            "struct packed_two",
            "struct aligned_sixteen",
            "struct __zero_len",
            "struct declared_flex",
            "struct two_dims",
            "struct mac_table",
            "struct reused_names",
            "union top_union")) {
      for (String abi : ABIS) {
        mapper.map(abi, key);
      }
    }
    probes.evaluate(toolchains);
    mapper.collecting = false;
  }

  static String source(String key) throws Unmirrorable {
    assumeTrue(skip == null, () -> "skipped: " + skip);
    MirrorType first = mapper.map("x86_64", key);
    for (String abi : ABIS) {
      assertTrue(first.sameAs(mapper.map(abi, key)), key + " maps alike on " + abi);
    }
    return JavaWriter.mirror(
        first, "p", ABIS, false, List.of(), l -> "line " + l.line(), l -> null);
  }

  static void assertContains(String text, String part) {
    assertTrue(text.contains(part), () -> "expected\n" + part + "\nin\n" + text);
  }

  @Test
  void aNamedMemberOfAnonymousUnionTypeIsANestedUnionMirror() throws Exception {
    String s = source("struct with_union");
    assertContains(s, "@U32 public long cmd;");
    assertContains(s, "public U u = new U();");
    assertContains(s, "  @AbiUnion(untagged = true)\n  public static class U {");
    assertContains(s, "@U64 public long big;");
    assertContains(s, "@U16 public int small;");
    assertContains(s, "import org.abiguard.AbiUnion;");
    assertContains(s, "/** The union without a tag declared at line 7. */");
  }

  @Test
  void aNestedMirrorNeverTakesTheNameOfAClassEnclosingIt() throws Exception {
    String s = source("struct reused_names");
    assertContains(s, "public U u = new U();");
    assertContains(s, "    public Pointer pointer;");
    assertContains(s, "      public U2 u = new U2();");
    assertContains(s, "    public static class Pointer {");
    assertContains(s, "      public static class U2 {");
  }

  @Test
  void bitFieldsNamedAndUnnamed() throws Exception {
    String s = source("struct with_bits");
    assertContains(s, "@U32 @AbiBits(4) public int version;");
    assertContains(s, "@U32 @AbiBits(value = 4, unnamed = true) public int unnamed1;");
    assertContains(s, "@U32 @AbiBits(24) public int flags;");
  }

  @Test
  void anonymousMember() throws Exception {
    String s = source("struct with_anonymous");
    assertContains(s, "@AbiAnonymous public AUnion aUnion = new AUnion();");
    assertContains(s, "  @AbiUnion(untagged = true)\n  public static class AUnion {");
  }

  @Test
  void flexibleArray() throws Exception {
    assertContains(
        source("struct with_flexible"), "@U32 @AbiFlexible public int[] data = new int[0];");
  }

  /**
   * GNU C's zero-length array is {@code @AbiArray(0)}; a mirror whose C names C reserves for the
   * implementation says {@code reservedNames = true}, and so does the untagged union of one.
   */
  @Test
  void zeroLengthArraysAndReservedNames() throws Exception {
    String s = source("struct __zero_len");
    assertContains(s, "@AbiStruct(name = \"__zero_len\", reservedNames = true)");
    assertContains(s, "@AbiName(\"__mid\") @U64 @AbiArray(0) public long[] mid = new long[0];");
    assertContains(s, "@AbiUnion(untagged = true)\n  public static class");
    assertContains(s, "@U8 @AbiArray(0) public byte[] cmd;");
  }

  /**
   * Linux's {@code __DECLARE_FLEX_ARRAY(T, x)} last in a struct is the flexible array {@code x}.
   */
  @Test
  void declaredFlexArray() throws Exception {
    String s = source("struct declared_flex");
    assertContains(s, "@U8 @AbiFlexible public byte[] sigset = new byte[0];");
    assertTrue(!s.contains("empty"), s);
  }

  /** {@code T x[3][2]} is {@code @AbiArray({3, 2})} on a Java array of 6, typedef or not. */
  @Test
  void arraysOfArrays() throws Exception {
    String s = source("struct two_dims");
    assertContains(s, "@U16 @AbiArray({3, 2}) public short[] coeff = new short[6];");
    assertContains(s, "@U8 @AbiArray({2, 6}) public byte[] macs = new byte[12];");
    assertContains(
        source("struct mac_table"),
        "@U8 @AbiFlexible @AbiArray(6) public byte[] macs = new byte[0];");
  }

  @Test
  void packingAndTypeAlignment() throws Exception {
    assertContains(source("struct packed_one"), "@AbiStruct(name = \"packed_one\", pack = 1)");
    String two = source("struct packed_two");
    assertContains(two, "@AbiStruct(name = \"packed_two\", pack = 2)");
    assertTrue(!two.contains("@AbiAlign"), "members of a packed struct are not raised: " + two);
    assertContains(
        source("struct aligned_sixteen"),
        "@AbiStruct(name = \"aligned_sixteen\")\n@AbiAlign(16)\npublic class AlignedSixteen {");
  }

  @Test
  void topLevelUnion() throws Exception {
    String s = source("union top_union");
    assertContains(s, "@AbiUnion(name = \"top_union\")\npublic class TopUnion {");
    assertContains(
        s,
        "@U8 @AbiArray(4) public byte[] bytes;"); // a union's members start unset: one is written
    assertEquals(1, s.split("public class", -1).length - 1);
  }
}
