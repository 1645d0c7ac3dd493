package org.abiguard.processor.manifest;

import static org.abiguard.processor.testing.StructBuilder.s16;
import static org.abiguard.processor.testing.StructBuilder.struct;
import static org.abiguard.processor.testing.StructBuilder.u16;
import static org.abiguard.processor.testing.StructBuilder.u64;
import static org.abiguard.processor.testing.StructBuilder.u8;
import static org.abiguard.processor.testing.StructBuilder.union;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.abiguard.processor.manifest.LayoutChange.Aspect;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.testing.Layouts;
import org.abiguard.processor.testing.StructBuilder;
import org.junit.jupiter.api.Test;

/** How changes are worded for a baseline that is a release (the Maven plugin's check-abi). */
class BaselineWordingTest {
  private static List<LayoutChange> changes(List<StructModel> old, List<StructModel> now) {
    return ManifestComparison.compare(read(old), read(now));
  }

  private static List<ManifestModel.Struct> read(List<StructModel> structs) {
    return ManifestModel.read(
        ManifestWriter.render(
            Layouts.of(structs, StructBuilder.lookup(structs), Layouts.ALL_ABIS)));
  }

  @Test
  void breaksSayWhatTheBaselineIs() {
    StructModel old = struct("p.S", "s").field("a", u16()).field("b", u16()).build();
    StructModel now =
        struct("p.S", "s").field("a", u16()).field("x", u16()).field("b", u16()).build();
    assertEquals(
        List.of(
            new AbiBreak(
                "p.S",
                null,
                "struct s grew from 4 to 6 bytes (added: x) on x86_64, i386 and aarch64 since 1.0"
                    + "; rebuild"),
            new AbiBreak(
                "p.S",
                "b",
                "field s.b moved from offset 2 to 4 on x86_64, i386 and aarch64 since 1.0; rebuild")),
        BaselineChecker.breaks(changes(List.of(old), List.of(now)), "1.0", "; rebuild"));
  }

  @Test
  void additionsAreWordedPerElementWithTheirOffsetsPerAbi() {
    StructModel old = struct("p.S", "s").field("a", u64()).field("b", u8()).build();
    StructModel now =
        struct("p.S", "s").field("a", u64()).field("b", u8()).field("c", u16()).build();
    StructModel added = struct("p.T", "t").field("z", u8()).build();
    List<LayoutChange> changes = changes(List.of(old), List.of(now, added));
    assertEquals(List.of(), BaselineChecker.breaks(changes, "1.0", ""));
    assertEquals(
        List.of(
            "field s.c (p.S.c) was added at offset 10 on x86_64, i386 and aarch64 since 1.0",
            "struct t (p.T) was added since 1.0"),
        BaselineChecker.additions(changes, "1.0"));
  }

  @Test
  void aMemberInsertedBeforeOthersIsPartOfTheBreakNotACompatibleAddition() {
    StructModel old = struct("p.S", "s").field("a", u16()).field("b", u16()).build();
    StructModel now =
        struct("p.S", "s").field("a", u16()).field("x", u16()).field("b", u16()).build();
    assertEquals(List.of(), BaselineChecker.additions(changes(List.of(old), List.of(now)), "1.0"));
  }

  @Test
  void aMemberRenamedInCKeepsItsBytesAndIsACompatibleChange() {
    StructModel old =
        struct("p.S", "s").field("a", u16()).field("pad", u16()).field("b", u64()).build();
    StructModel now =
        struct("p.S", "s")
            .field("a", u16())
            .field("flags", "flags", u16())
            .field("b", u64())
            .build();
    List<LayoutChange> changes = changes(List.of(old), List.of(now));
    assertEquals(List.of(), BaselineChecker.breaks(changes, "1.0", ""));
    assertEquals(
        List.of(
            "field s.pad (p.S.flags) was renamed to flags, at the same offset with the same type"
                + " on x86_64, i386 and aarch64 since 1.0"),
        BaselineChecker.additions(changes, "1.0"));
  }

  @Test
  void aMemberGoneWhereANewOneOfAnotherTypeStandsIsRemovedNotRenamed() {
    StructModel old = struct("p.S", "s").field("a", u16()).field("pad", u16()).build();
    StructModel now = struct("p.S", "s").field("a", u16()).field("flags", s16()).build();
    assertEquals(
        List.of(
            new AbiBreak(
                "p.S", null, "field s.pad was removed on x86_64, i386 and aarch64 since 1.0")),
        BaselineChecker.breaks(changes(List.of(old), List.of(now)), "1.0", ""));
  }

  @Test
  void twoMembersGoneForOneOfTheSameBytesAreNotARename() {
    // every member of a union is at offset 0: which of a and b became x cannot be told
    StructModel old = union("p.U", "u").field("a", u16()).field("b", u16()).build();
    StructModel now = union("p.U", "u").field("x", u16()).build();
    assertEquals(
        List.of(
            "field u.a was removed on x86_64, i386 and aarch64 since 1.0",
            "field u.b was removed on x86_64, i386 and aarch64 since 1.0"),
        BaselineChecker.breaks(changes(List.of(old), List.of(now)), "1.0", "").stream()
            .map(AbiBreak::message)
            .toList());
  }

  @Test
  void everyAspectIsWordedWithBothValues() {
    Map<Aspect, String> expected = new EnumMap<>(Aspect.class);
    expected.put(Aspect.REMOVED, "was removed");
    expected.put(Aspect.ADDED, "was added at offset 8");
    expected.put(Aspect.BYTE_ORDER, "changed byte order from 4 to 8");
    expected.put(Aspect.TYPE_SIZE, "grew from 4 to 8 bytes");
    expected.put(Aspect.TYPE_ALIGN, "changed alignment from 4 to 8");
    expected.put(Aspect.MIRRORED_BY, "is no longer mirrored by 4");
    expected.put(Aspect.RENAMED, "was renamed to 8, at the same offset with the same type");
    expected.put(Aspect.ABI_ADDED, "gained a layout");
    expected.put(Aspect.ABI_NOT_BUILT, "has no layout any more");
    expected.put(Aspect.OFFSET, "moved from offset 4 to 8");
    expected.put(Aspect.KIND, "changed kind from 4 to 8");
    expected.put(Aspect.SIZE, "resized from 4 to 8 bytes");
    expected.put(Aspect.ALIGN, "re-aligned from 4 to 8");
    expected.put(Aspect.STRUCT_TYPE, "changed type from struct 4 to 8");
    expected.put(Aspect.LENGTH, "changed length from 4 to 8");
    expected.put(Aspect.DIMS, "changed dimensions from 4 to 8");
    expected.put(Aspect.SIGNEDNESS, "changed from 4 to 8");
    expected.put(Aspect.TYPE_KIND, "changed from a 4 to a 8");
    expected.put(Aspect.PACK, "changed pack from 4 to 8");
    expected.put(Aspect.BIT_OFFSET, "moved from bit 4 to 8");
    expected.put(Aspect.BIT_SIZE, "changed from 4 to 8 bits");
    expected.put(Aspect.FLEXIBLE, "changed from 4 to 8");
    for (Aspect aspect : Aspect.values()) {
      assertEquals(expected.get(aspect), aspect.describe("4", "8"), aspect.name());
    }
    assertEquals("shrank from 8 to 4 bytes", Aspect.TYPE_SIZE.describe("8", "4"));
    assertEquals("was added", Aspect.ADDED.describe(null, null));
  }
}
