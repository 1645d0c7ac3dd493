package org.abiguard.importer;

import static org.abiguard.importer.TestHeaderImports.assumeCompilers;
import static org.abiguard.importer.TestHeaderImports.reasons;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Facts the importer takes from each ABI's compiler rather than from one: plain {@code char}'s
 * signedness (left out as not portable where it differs, or split per ABI) and GCC's scalar storage
 * order (each member's, from the compiler). Found by an outside audit.
 */
class CompilerFactsImportTest {

  @TempDir Path out;

  private ImportResult run(String header, List<String> abis, boolean split, RecordingLog log) {
    return TestHeaderImports.run(out, header, abis, split, log);
  }

  @Test
  void plainCharWhoseSignednessDiffersIsNotPortable() throws Exception {
    List<String> abis = List.of("x86_64", "i386", "aarch64");
    assumeCompilers(abis);
    ImportResult r = run("char_signedness.h", abis, false, new RecordingLog());
    assertNull(r.problem());
    assertFalse(r.success());
    Map<String, String> left = reasons(r);
    assertEquals(
        "not portable: member 'c' of struct plain_char is 'char', 8 bits signed on x86_64, i386"
            + " but unsigned on aarch64; abiguard mirrors it only where one declaration serves"
            + " every ABI (an integer is signed on every ABI or on none)",
        left.get("struct plain_char"));
    assertEquals(
        "not portable: member 'cb' of struct char_bits is 'char', 8 bits signed on x86_64, i386"
            + " but unsigned on aarch64; abiguard mirrors it only where one declaration serves"
            + " every ABI (an integer is signed on every ABI or on none)",
        left.get("struct char_bits"));
    assertEquals(
        "not portable: member 'm' of struct char_typedef is 'mychar_t', 8 bits signed on x86_64,"
            + " i386 but unsigned on aarch64; abiguard mirrors it only where one declaration"
            + " serves every ABI (an integer is signed on every ABI or on none)",
        left.get("struct char_typedef"));
    // an array of plain char too: C reads its elements signed on x86 (a @U8 mirror would be
    // disproved there by abi-check.c)
    assertEquals(
        "not portable: member 'name' of struct char_name is 'char', 8 bits signed on x86_64, i386"
            + " but unsigned on aarch64; abiguard mirrors it only where one declaration serves"
            + " every ABI (an integer is signed on every ABI or on none)",
        left.get("struct char_name"));
    assertTrue(r.leftOut().stream().allMatch(ImportResult.LeftOut::notPortable));
    assertEquals(List.of(), r.proven());
  }

  @Test
  void plainCharIsSignedWhereEveryAbiSaysSo() throws Exception {
    List<String> abis = List.of("x86_64", "i386");
    assumeCompilers(abis);
    ImportResult r = run("char_signedness.h", abis, false, new RecordingLog());
    assertTrue(r.success(), r.leftOut()::toString);
    XenImportTest.assertContains(
        Files.readString(out.resolve("p/PlainChar.java")), "@S8 public byte c;");
    XenImportTest.assertContains(
        Files.readString(out.resolve("p/CharBits.java")), "@S8 @AbiBits(3) public int cb;");
    XenImportTest.assertContains(
        Files.readString(out.resolve("p/MycharT.java")), "@AbiWidth(value = 8, signed = true)");
    XenImportTest.assertContains(
        Files.readString(out.resolve("p/CharName.java")),
        "@S8 @AbiArray(8) public byte[] name = new byte[8];");
  }

  @Test
  void splitAbisMirrorsPlainCharOncePerSignedness() throws Exception {
    List<String> abis = List.of("x86_64", "i386", "aarch64");
    assumeCompilers(abis);
    ImportResult r = run("char_signedness.h", abis, true, new RecordingLog());
    assertTrue(r.success(), r.leftOut()::toString);
    Path x86 = out.resolve("p/x86_64_i386");
    Path arm = out.resolve("p/aarch64");
    XenImportTest.assertContains(
        Files.readString(x86.resolve("PlainChar.java")), "@S8 public byte c;");
    XenImportTest.assertContains(
        Files.readString(arm.resolve("PlainChar.java")), "@U8 public int c;");
    XenImportTest.assertContains(
        Files.readString(x86.resolve("CharBits.java")), "@S8 @AbiBits(3) public int cb;");
    XenImportTest.assertContains(
        Files.readString(arm.resolve("CharBits.java")), "@U8 @AbiBits(3) public int cb;");
    XenImportTest.assertContains(
        Files.readString(x86.resolve("MycharT.java")), "@AbiWidth(value = 8, signed = true)");
    XenImportTest.assertContains(Files.readString(arm.resolve("MycharT.java")), "@AbiWidth(8)");
    XenImportTest.assertContains(
        Files.readString(x86.resolve("CharName.java")),
        "@S8 @AbiArray(8) public byte[] name = new byte[8];");
    XenImportTest.assertContains(
        Files.readString(arm.resolve("CharName.java")),
        "@U8 @AbiArray(8) public byte[] name = new byte[8];");
  }

  @Test
  void aBigEndianStructIsMirroredBigEndianAsEachMembersCompilerSays() throws Exception {
    List<String> abis = List.of("x86_64", "i386");
    assumeCompilers(abis);
    ImportResult r = run("storage_order.h", abis, false, new RecordingLog());
    assertNull(r.problem());
    Map<String, String> left = reasons(r);
    assertEquals(
        "struct be_pointer stores its integers big-endian (scalar_storage_order) on x86_64 but"
            + " its pointers ('p') in the machine's order, as GCC does; abiguard's order ="
            + " Endian.BIG writes pointers big-endian too, so no mirror serves",
        left.get("struct be_pointer"));
    assertEquals(1, left.size(), left::toString);
    assertEquals(
        List.of(
            "struct be_attr",
            "struct be_pragma",
            "struct le_attr",
            "struct native_order",
            "struct nests_be",
            "struct be_bits"),
        r.proven());
    Path p = out.resolve("p");
    XenImportTest.assertContains(
        Files.readString(p.resolve("BeAttr.java")),
        "@AbiStruct(name = \"be_attr\", order = Endian.BIG)");
    XenImportTest.assertContains(
        Files.readString(p.resolve("BePragma.java")),
        "@AbiStruct(name = \"be_pragma\", order = Endian.BIG)");
    XenImportTest.assertContains(
        Files.readString(p.resolve("BeBits.java")),
        "@AbiStruct(name = \"be_bits\", order = Endian.BIG)");
    XenImportTest.assertContains(
        Files.readString(p.resolve("LeAttr.java")), "@AbiStruct(name = \"le_attr\")\n");
    XenImportTest.assertContains(
        Files.readString(p.resolve("NestsBe.java")), "@AbiStruct(name = \"nests_be\")\n");
    // the bytes gcc writes for be_attr {a = 0x01020304, b = 0x0506}: 01 02 03 04 05 06 00 00
    ClassLoader loader = MirrorRun.compile(out, abis, out.resolve("classes"));
    Class<?> type = loader.loadClass("p.BeAttr");
    Object value = type.getConstructor().newInstance();
    type.getField("a").setLong(value, 0x01020304L);
    type.getField("b").setInt(value, 0x0506);
    java.lang.reflect.Method codec =
        loader.loadClass("p.BeAttrMarshaller").getMethod("codec", String.class);
    for (String abi : abis) {
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(8);
      MirrorRun.write(codec.invoke(null, abi), value, buf);
      assertEquals(
          java.util.HexFormat.of().formatHex(new byte[] {1, 2, 3, 4, 5, 6, 0, 0}),
          java.util.HexFormat.of().formatHex(buf.array()),
          abi);
    }
  }
}
