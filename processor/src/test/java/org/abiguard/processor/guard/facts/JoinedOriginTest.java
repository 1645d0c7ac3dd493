package org.abiguard.processor.guard.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A joined value reads as its wider side's origin and names, in a finding, the side that brought
 * the values the sink loses.
 */
class JoinedOriginTest {
  private static final Fact FIELD = Fact.plain(Range.of(0, 0xFFFF), "field Op.idx (u16)");
  private static final Fact SENTINEL = Fact.plain(Range.of(-1, -1), "constant -0x1");
  private static final Fact WIDE = Fact.plain(Range.of(0, 0xFFFFFF), "field Op.big (u24)");

  @Test
  void aJoinReadsAsItsWiderSide() {
    assertEquals("field Op.idx (u16)", Fact.join(FIELD, SENTINEL).origin().toString());
    assertEquals("field Op.idx (u16)", Fact.join(SENTINEL, FIELD).origin().toString());
  }

  @Test
  void aFindingNamesTheSideWhoseValuesAreLost() {
    Fact joined = Fact.join(FIELD, SENTINEL);
    assertEquals(
        "constant -0x1", JoinedOrigin.losing(joined, List.of(Range.of(-1, -1))).toString());
    assertEquals(
        "field Op.idx (u16)",
        JoinedOrigin.losing(joined, List.of(Range.of(0x100, 0xFFFF))).toString());
    // both lose: the wider is named
    assertEquals(
        "field Op.idx (u16)",
        JoinedOrigin.losing(joined, List.of(Range.of(-1, -1), Range.of(0x100, 0xFFFF))).toString());
  }

  @Test
  void aJoinOfAJoinKeepsEverySide() {
    Fact joined = Fact.join(Fact.join(FIELD, SENTINEL), WIDE);
    assertEquals("field Op.big (u24)", joined.origin().toString());
    assertEquals(
        "constant -0x1", JoinedOrigin.losing(joined, List.of(Range.of(-1, -1))).toString());
    assertEquals(
        "field Op.big (u24)",
        JoinedOrigin.losing(joined, List.of(Range.of(0x10000, 0xFFFFFF))).toString());
  }

  @Test
  void aRangeChangedSinceTheJoinIsNamedAsItReads() {
    Fact joined = Fact.join(FIELD, SENTINEL);
    Fact checked = joined.withRange(Range.of(-1, 0xFF));
    assertEquals(
        "field Op.idx (u16)", JoinedOrigin.losing(checked, List.of(Range.of(-1, -1))).toString());
  }
}
