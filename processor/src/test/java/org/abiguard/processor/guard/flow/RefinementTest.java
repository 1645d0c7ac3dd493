package org.abiguard.processor.guard.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.Tree;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.guard.facts.Range;
import org.junit.jupiter.api.Test;

/** What a comparison leaves for its operands on each outcome, and when an outcome is impossible. */
class RefinementTest {
  private static final Range U32 = Range.of(0, 0xFFFFFFFFL);
  private static final Range LIMIT = Range.of(0xFFFF, 0xFFFF);

  @Test
  void aRangeCheckSplitsTheValuesBetweenTheOutcomes() {
    Refinement.Outcomes outcomes = Refinement.outcomes(Tree.Kind.LESS_THAN_EQUAL, U32, LIMIT);
    assertEquals(Range.of(0, 0xFFFF), outcomes.whenTrue().left());
    assertEquals(Range.of(0x10000, 0xFFFFFFFFL), outcomes.whenFalse().left());
    assertEquals(LIMIT, outcomes.whenFalse().right());
  }

  @Test
  void anOutcomeNoValueIsLeftForIsUnreachable() {
    Refinement.Outcomes outcomes =
        Refinement.outcomes(Tree.Kind.GREATER_THAN, Range.of(0, 0xFF), LIMIT);
    assertNull(outcomes.whenTrue().left());
    AccessPath space = AccessPath.of("space");
    State whenTrue =
        Refinement.apply(
            new State(),
            outcomes.whenTrue(),
            space,
            Fact.plain(Range.of(0, 0xFF), "u8 value"),
            null,
            Fact.plain(LIMIT, "constant 0xFFFF"));
    assertSame(State.UNREACHABLE, whenTrue);
    assertFalse(whenTrue.reachable());
  }

  @Test
  void theReachableOutcomeNarrowsTheTrackedOperand() {
    Refinement.Outcomes outcomes = Refinement.outcomes(Tree.Kind.LESS_THAN_EQUAL, U32, LIMIT);
    AccessPath space = AccessPath.of("space");
    State whenTrue =
        Refinement.apply(
            new State(),
            outcomes.whenTrue(),
            space,
            Fact.plain(U32, "field XenAddToPhysmap.space (u32)"),
            null,
            Fact.plain(LIMIT, "constant 0xFFFF"));
    assertEquals(Range.of(0, 0xFFFF), whenTrue.fact(space).range());
  }

  /**
   * A value that may also be a plain one (a lenient join of a constant and a value with no fact)
   * keeps every outcome possible, and the other operand is not narrowed by what is known of it.
   */
  @Test
  void aValueThatMayBePlainTakesAnyOutcome() {
    Fact zeroOrPlain = Fact.join(Fact.plain(Range.of(0, 0), "constant 0x0"), null);
    Fact limit = Fact.plain(Range.of(3, 3), "constant 0x3");
    Refinement.Outcomes outcomes =
        Refinement.outcomes(Tree.Kind.GREATER_THAN, zeroOrPlain.range(), limit.range());
    AccessPath n = AccessPath.of("n");
    AccessPath bound = AccessPath.of("bound");
    State whenTrue =
        Refinement.apply(new State(), outcomes.whenTrue(), n, zeroOrPlain, bound, limit);
    assertTrue(whenTrue.reachable());
    Fact u16 = Fact.plain(Range.of(0, 0xFFFF), "u16");
    Refinement.Outcomes lower =
        Refinement.outcomes(Tree.Kind.LESS_THAN, zeroOrPlain.range(), u16.range());
    State below = Refinement.apply(new State(), lower.whenTrue(), n, zeroOrPlain, bound, u16);
    assertFalse(below.tracks(bound), "a bound by a value that may be plain proves nothing");
  }
}
