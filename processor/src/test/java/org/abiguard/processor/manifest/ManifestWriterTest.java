package org.abiguard.processor.manifest;

import static org.abiguard.processor.testing.StructBuilder.array;
import static org.abiguard.processor.testing.StructBuilder.pointer;
import static org.abiguard.processor.testing.StructBuilder.s32;
import static org.abiguard.processor.testing.StructBuilder.signedNativeLong;
import static org.abiguard.processor.testing.StructBuilder.struct;
import static org.abiguard.processor.testing.StructBuilder.u16;
import static org.abiguard.processor.testing.StructBuilder.u8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.abiguard.processor.layout.StructLayout;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.manifest.JsonParser.JsonArray;
import org.abiguard.processor.manifest.JsonParser.JsonObject;
import org.abiguard.processor.manifest.JsonParser.JsonString;
import org.abiguard.processor.model.MemberType;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.testing.Layouts;
import org.abiguard.processor.testing.StructBuilder;
import org.abiguard.processor.testing.XenMemoryStructs;
import org.junit.jupiter.api.Test;

class ManifestWriterTest {

  /** Every kind of member, a renamed member, a typedef'd big-endian struct, two ABIs. */
  static List<List<StructLayout>> everyMemberKind() {
    StructModel point = struct("p.Point", "point").field("x", u16()).field("y", u16()).build();
    StructModel sample =
        struct("p.Outer.Sample", "sample_t")
            .typedef()
            .bigEndian()
            .field("tag", u8())
            .field("delta", s32())
            .field("offsetNs", "offset_ns", signedNativeLong())
            .field("next", pointer())
            .field("origin", struct("p.Point"))
            .field("bytes", array(3, u8()))
            .field("points", array(2, struct("p.Point")))
            .build();
    return Layouts.of(
        List.of(point, sample),
        StructBuilder.lookup(List.of(point, sample)),
        List.of(TargetAbi.X86_64, TargetAbi.I386));
  }

  @Test
  void everyMemberKindGolden() {
    assertEquals(
        resource("manifest-golden/every-member-kind.json"),
        ManifestWriter.render(everyMemberKind()));
  }

  @Test
  void xenMemoryGolden() {
    String manifest =
        ManifestWriter.render(
            Layouts.of(XenMemoryStructs.ALL, XenMemoryStructs.lookup(), Layouts.ALL_ABIS));
    assertEquals(resource("manifest-golden/xen-memory.json"), manifest);
  }

  @Test
  void noStructs() {
    assertEquals("{\n  \"format\": 1,\n  \"structs\": []\n}\n", ManifestWriter.render(List.of()));
  }

  @Test
  void outputParsesWithTheStrictParserAndReadsBackAsWritten() {
    List<List<StructLayout>> layouts = everyMemberKind();
    String text = ManifestWriter.render(layouts);
    JsonObject root = assertInstanceOf(JsonObject.class, JsonParser.parse(text));
    JsonArray structs = assertInstanceOf(JsonArray.class, root.members().get("structs"));
    assertEquals(
        "p.Outer.Sample",
        ((JsonString) ((JsonObject) structs.elements().get(1)).members().get("java")).value());
    assertEquals(ManifestModel.of(layouts), ManifestModel.read(text));
  }

  @Test
  void arraysOfMoreThanOneDimensionRecordTheirDimsAndReadBack() {
    StructModel grid =
        struct("p.Grid", "grid")
            .field("n", u16())
            .field("cells", new MemberType.ArrayType(6, u8(), List.of(3, 2)))
            .flexibleRows("rows", u8(), 3, "n")
            .build();
    List<List<StructLayout>> layouts =
        Layouts.of(List.of(grid), StructBuilder.lookup(List.of(grid)), List.of(TargetAbi.X86_64));
    String text = ManifestWriter.render(layouts);
    assertTrue(text.contains("\"length\": 6, \"dims\": [3, 2], \"element\""), text);
    assertTrue(text.contains("\"length\": 0, \"dims\": [0, 3], \"element\""), text);
    assertEquals(ManifestModel.of(layouts), ManifestModel.read(text));
  }

  @Test
  void isDeterministic() {
    assertEquals(
        ManifestWriter.render(everyMemberKind()), ManifestWriter.render(everyMemberKind()));
  }

  @Test
  void escapesNames() {
    StructModel odd = struct("p.Odd", "odd").field("a\"b", "c\\d", u8()).build();
    String text =
        ManifestWriter.render(
            Layouts.of(
                List.of(odd), StructBuilder.lookup(List.of(odd)), List.of(TargetAbi.AARCH64)));
    assertEquals(
        "{\"name\": \"c\\\\d\", \"java\": \"a\\\"b\", \"offset\": 0, \"size\": 1, \"align\": 1, \"bits\": 8,"
            + " \"signed\": false, \"kind\": \"int\"}",
        text.lines().filter(l -> l.contains("\"name\"")).findFirst().orElseThrow().strip());
    assertEquals(
        ManifestModel.of(
            Layouts.of(
                List.of(odd), StructBuilder.lookup(List.of(odd)), List.of(TargetAbi.AARCH64))),
        ManifestModel.read(text));
  }

  @Test
  void aStructWithoutLayoutsIsAProgrammingError() {
    assertThrows(IllegalArgumentException.class, () -> ManifestWriter.render(List.of(List.of())));
  }

  static String resource(String name) {
    try (InputStream in = ManifestWriterTest.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
