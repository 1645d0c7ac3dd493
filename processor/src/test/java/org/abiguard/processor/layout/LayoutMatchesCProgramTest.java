package org.abiguard.processor.layout;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.model.Width;
import org.abiguard.processor.testing.RuleStructs;
import org.abiguard.processor.testing.StructDump;
import org.abiguard.processor.testing.XenMemoryStructs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Builds and runs C programs (x86_64 natively, i386 with {@code gcc -m32}) that fill the fixtures'
 * structs through their real C declarations, and compares {@code sizeof}, {@code _Alignof}, {@code
 * offsetof}, member sizes and the raw bytes with the layout engine.
 */
class LayoutMatchesCProgramTest {

  @ParameterizedTest
  @EnumSource(
      value = TargetAbi.class,
      names = {"X86_64", "I386"})
  void xenMemoryStructs(TargetAbi abi, @TempDir Path dir) {
    check(abi, dir, XenMemoryStructs.HEADER, XenMemoryStructs.ALL, XenMemoryStructs.lookup());
  }

  @ParameterizedTest
  @EnumSource(
      value = TargetAbi.class,
      names = {"X86_64", "I386"})
  void everyLayoutRule(TargetAbi abi, @TempDir Path dir) {
    check(abi, dir, RuleStructs.HEADER, RuleStructs.ALL, RuleStructs.lookup());
  }

  @Test
  void knownBytesOfXenAddToPhysmapOnX86_64(@TempDir Path dir) {
    Map<String, StructDump.Dump> dumps =
        new StructDump(XenMemoryStructs.lookup())
            .runInC(
                TargetAbi.X86_64,
                dir,
                XenMemoryStructs.HEADER,
                List.of(XenMemoryStructs.ADD_TO_PHYSMAP));
    // domid 0x1211, size 0x2322, space 0x36353433, idx and gpfn 8 bytes each, little-endian
    assertEquals(
        "1112" + "2223" + "33343536" + "4445464748494a4b" + "55565758595a5b5c",
        HexFormat.of().formatHex(dumps.get("xen.XenAddToPhysmap").bytes()));
  }

  @Test
  void knownBytesOfXenAddToPhysmapOnI386(@TempDir Path dir) {
    Map<String, StructDump.Dump> dumps =
        new StructDump(XenMemoryStructs.lookup())
            .runInC(
                TargetAbi.I386,
                dir,
                XenMemoryStructs.HEADER,
                List.of(XenMemoryStructs.ADD_TO_PHYSMAP));
    // xen_ulong_t and xen_pfn_t are 4 bytes on i386
    assertEquals(
        "1112" + "2223" + "33343536" + "44454647" + "55565758",
        HexFormat.of().formatHex(dumps.get("xen.XenAddToPhysmap").bytes()));
  }

  @Test
  void sampleValues() {
    assertEquals(0x1211L, StructDump.sampleValue(0, Width.U16));
    assertEquals(0x36353433L, StructDump.sampleValue(2, Width.U32));
    assertEquals(0x8b8a8988L, StructDump.sampleValue(7, Width.U32), "unsigned: zero-extended");
    assertEquals(
        (long) (int) 0x8b8a8988, StructDump.sampleValue(7, Width.S32), "signed: sign-extended");
    assertEquals(0x8f8e8d8c8b8a8988L, StructDump.sampleValue(7, Width.U64));
    assertEquals(0x10L, StructDump.sampleValue(15, Width.S8), "wraps modulo 256");
  }

  private static void check(
      TargetAbi abi,
      Path dir,
      String header,
      List<StructModel> structs,
      Function<String, StructModel> lookup) {
    StructDump dump = new StructDump(lookup);
    Map<String, StructDump.Dump> dumps = dump.runInC(abi, dir, header, structs);
    LayoutEngine engine = new LayoutEngine(lookup);
    List<org.junit.jupiter.api.function.Executable> checks = new ArrayList<>();
    for (StructModel s : structs) {
      StructLayout layout = engine.layout(s, abi);
      StructDump.Dump c = dumps.get(s.javaName());
      String where = s.cTypeName() + " on " + abi.manifestName();
      checks.add(() -> assertEquals(c.size(), layout.size(), "sizeof " + where));
      checks.add(() -> assertEquals(c.align(), layout.align(), "_Alignof " + where));
      for (FieldLayout f : layout.fields()) {
        StructDump.Member m = c.members().get(f.field().cName());
        checks.add(
            () ->
                assertEquals(
                    m.offset(), f.offset(), "offsetof " + f.field().cName() + " in " + where));
        checks.add(
            () -> assertEquals(m.size(), f.size(), "sizeof " + f.field().cName() + " in " + where));
      }
      checks.add(
          () ->
              assertEquals(
                  HexFormat.of().formatHex(c.bytes()),
                  HexFormat.of().formatHex(dump.expectedBytes(layout)),
                  "bytes of " + where));
    }
    assertEquals(structs.size(), dumps.size());
    assertAll(checks);
  }
}
