package org.abiguard.processor.manifest;

import static org.abiguard.processor.testing.StructBuilder.array;
import static org.abiguard.processor.testing.StructBuilder.s8;
import static org.abiguard.processor.testing.StructBuilder.struct;
import static org.abiguard.processor.testing.StructBuilder.u16;
import static org.abiguard.processor.testing.StructBuilder.u32;
import static org.abiguard.processor.testing.StructBuilder.u64;
import static org.abiguard.processor.testing.StructBuilder.u8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.manifest.LayoutChange.Aspect;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.testing.Layouts;
import org.abiguard.processor.testing.StructBuilder;
import org.junit.jupiter.api.Test;

/** The comparison as data: what changed, where, from what to what, and whether it is compatible. */
class ManifestComparisonTest {
  private static final List<TargetAbi> X86_64 = List.of(TargetAbi.X86_64);

  /** Both sides read back from manifest text, as the Maven plugin does. */
  private static List<LayoutChange> compare(
      List<TargetAbi> oldAbis,
      List<StructModel> old,
      List<TargetAbi> newAbis,
      List<StructModel> now) {
    return ManifestComparison.compare(read(oldAbis, old), read(newAbis, now));
  }

  private static List<ManifestModel.Struct> read(List<TargetAbi> abis, List<StructModel> structs) {
    return ManifestModel.read(
        ManifestWriter.render(Layouts.of(structs, StructBuilder.lookup(structs), abis)));
  }

  @Test
  void identicalManifestsHaveNoChange() {
    StructModel s = struct("p.S", "s").field("a", u32()).field("b", array(2, u16())).build();
    assertEquals(List.of(), compare(Layouts.ALL_ABIS, List.of(s), Layouts.ALL_ABIS, List.of(s)));
  }

  @Test
  void memberAddedInTheTailPaddingIsACompatibleAddition() {
    StructModel old = struct("p.S", "s").field("a", u64()).field("b", u8()).build();
    StructModel now =
        struct("p.S", "s").field("a", u64()).field("b", u8()).field("c", u8()).build();
    List<LayoutChange> changes = compare(X86_64, List.of(old), X86_64, List.of(now));
    assertEquals(
        List.of(new LayoutChange("p.S", "s", "c", "c", "x86_64", Aspect.ADDED, null, null, "9")),
        changes);
    assertTrue(changes.get(0).compatible());
    assertEquals("was added at offset 9", changes.get(0).describe());
  }

  @Test
  void insertedMemberMovesTheOthersAndGrowsTheType() {
    StructModel old = struct("p.S", "s").field("a", u32()).field("b", u32()).build();
    StructModel now =
        struct("p.S", "s").field("a", u32()).field("x", u32()).field("b", u32()).build();
    assertEquals(
        List.of(
            new LayoutChange("p.S", "s", null, null, "x86_64", Aspect.TYPE_SIZE, null, "8", "12"),
            new LayoutChange("p.S", "s", "b", "b", "x86_64", Aspect.OFFSET, null, "4", "8"),
            new LayoutChange("p.S", "s", "x", "x", "x86_64", Aspect.ADDED, null, null, "4")),
        compare(X86_64, List.of(old), X86_64, List.of(now)));
  }

  @Test
  void membersChangeOnEachAbiSeparately() {
    StructModel old = struct("p.S", "s").field("a", u32()).field("b", u64()).build();
    StructModel now = struct("p.S", "s").field("a", u64()).field("b", u64()).build();
    List<LayoutChange> changes =
        compare(Layouts.ALL_ABIS, List.of(old), Layouts.ALL_ABIS, List.of(now));
    // i386 aligns u64 to 4: 'b' moves there from 4 to 8 and the struct grows from 12 to 16
    assertEquals(
        List.of(
            new LayoutChange("p.S", "s", null, null, "i386", Aspect.TYPE_SIZE, null, "12", "16"),
            new LayoutChange("p.S", "s", "a", "a", "x86_64", Aspect.SIZE, null, "4", "8"),
            new LayoutChange("p.S", "s", "a", "a", "x86_64", Aspect.ALIGN, null, "4", "8"),
            new LayoutChange("p.S", "s", "a", "a", "i386", Aspect.SIZE, null, "4", "8"),
            new LayoutChange("p.S", "s", "a", "a", "aarch64", Aspect.SIZE, null, "4", "8"),
            new LayoutChange("p.S", "s", "a", "a", "aarch64", Aspect.ALIGN, null, "4", "8"),
            new LayoutChange("p.S", "s", "b", "b", "i386", Aspect.OFFSET, null, "4", "8")),
        changes);
    assertTrue(changes.stream().noneMatch(LayoutChange::compatible));
  }

  @Test
  void arrayElementChangesNameTheElement() {
    StructModel old = struct("p.S", "s").field("v", array(4, u8())).build();
    StructModel now = struct("p.S", "s").field("v", array(4, s8())).build();
    List<LayoutChange> changes = compare(X86_64, List.of(old), X86_64, List.of(now));
    assertEquals(
        List.of(
            new LayoutChange(
                "p.S",
                "s",
                "v",
                "v",
                "x86_64",
                Aspect.SIGNEDNESS,
                "element",
                "unsigned",
                "signed")),
        changes);
    assertEquals("element changed from unsigned to signed", changes.get(0).describe());
  }

  @Test
  void typesRemovedAndAdded() {
    StructModel a = struct("p.A", "a").field("x", u8()).build();
    StructModel b = struct("p.B", "b").field("y", u8()).build();
    List<LayoutChange> changes = compare(X86_64, List.of(a), X86_64, List.of(b));
    assertEquals(
        List.of(
            new LayoutChange("p.A", "a", null, null, null, Aspect.REMOVED, null, "p.A", null),
            new LayoutChange("p.B", "b", null, null, null, Aspect.ADDED, null, null, null)),
        changes);
    assertFalse(changes.get(0).compatible());
    assertTrue(changes.get(1).compatible());
  }

  @Test
  void abisOnOneSideOnlyAreNotComparedAndADroppedOneBreaks() {
    StructModel old = struct("p.S", "s").field("a", u32()).build();
    StructModel now = struct("p.S", "s").field("a", u64()).build();
    List<LayoutChange> changes =
        compare(List.of(TargetAbi.I386), List.of(old), X86_64, List.of(now));
    assertEquals(
        List.of(
            new LayoutChange(
                "p.S", "s", null, null, "i386", Aspect.ABI_NOT_BUILT, null, null, null),
            new LayoutChange("p.S", "s", null, null, "x86_64", Aspect.ABI_ADDED, null, null, null)),
        changes);
    assertEquals(List.of(false, true), changes.stream().map(LayoutChange::compatible).toList());
  }

  @Test
  void renamedJavaMemberIsMatchedByItsCName() {
    StructModel old = struct("p.S", "s").field("a", u32()).field("b", u16()).build();
    StructModel now = struct("p.S", "s").field("alpha", "a", u32()).field("b", u32()).build();
    List<LayoutChange> changes = compare(X86_64, List.of(old), X86_64, List.of(now));
    assertEquals(
        List.of(
            new LayoutChange("p.S", "s", "b", "b", "x86_64", Aspect.SIZE, null, "2", "4"),
            new LayoutChange("p.S", "s", "b", "b", "x86_64", Aspect.ALIGN, null, "2", "4")),
        changes);
  }
}
