package org.abiguard.processor.manifest;

import static org.abiguard.processor.testing.StructBuilder.struct;
import static org.abiguard.processor.testing.StructBuilder.u16;
import static org.abiguard.processor.testing.StructBuilder.u64;
import static org.abiguard.processor.testing.StructBuilder.u8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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
}
