package org.abiguard.processor.guard.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.guard.facts.Range;
import org.junit.jupiter.api.Test;

/** The state lattice: its explicit bottom, and tracked paths with and without a fact. */
class StateTest {
  private static final AccessPath SPACE = AccessPath.of("space");
  private static final AccessPath SIZE = AccessPath.of("size");
  private static final Fact U16 = Fact.plain(Range.of(0, 0xFFFF), "u16 value");
  private static final Fact SMALL = Fact.plain(Range.of(0, 0xFF), "small value");

  @Test
  void unreachableIsTheIdentityOfJoin() {
    State state = new State();
    state.put(SPACE, U16);
    assertTrue(State.same(state, State.join(State.UNREACHABLE, state)));
    assertTrue(State.same(state, State.join(state, State.UNREACHABLE)));
    assertSame(State.UNREACHABLE, State.join(State.UNREACHABLE, State.UNREACHABLE));
  }

  @Test
  void unreachableIsItsOwnCopyAndHoldsNoFacts() {
    assertFalse(State.UNREACHABLE.reachable());
    assertSame(State.UNREACHABLE, State.UNREACHABLE.copy());
    assertThrows(IllegalStateException.class, () -> State.UNREACHABLE.put(SPACE, U16));
    assertThrows(IllegalStateException.class, () -> State.UNREACHABLE.tracks(SPACE));
    assertFalse(State.same(State.UNREACHABLE, new State()));
    assertTrue(State.same(State.UNREACHABLE, State.UNREACHABLE));
  }

  @Test
  void aTrackedPathMayCarryNoFactAndAnUntrackedOneIsNotAskedForOne() {
    State state = new State();
    state.put(SPACE, null);
    assertTrue(state.tracks(SPACE));
    assertNull(state.fact(SPACE));
    assertFalse(state.tracks(SIZE));
    assertThrows(IllegalArgumentException.class, () -> state.fact(SIZE));
  }

  @Test
  void joinKeepsThePathsBothSidesTrackWithTheHullOfTheirFacts() {
    State left = new State();
    left.put(SPACE, SMALL);
    left.put(SIZE, SMALL);
    State right = new State();
    right.put(SPACE, U16);
    State joined = State.join(left, right);
    assertEquals(Range.of(0, 0xFFFF), joined.fact(SPACE).range());
    assertFalse(joined.tracks(SIZE));
  }
}
