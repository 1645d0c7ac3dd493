package org.abiguard.processor.guard.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.Element;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.guard.facts.Range;
import org.junit.jupiter.api.Test;

/**
 * The state lattice: its explicit bottom, tracked paths with and without a fact, and what boolean
 * locals prove where branches meet.
 */
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

  @Test
  void aPlainPathOneSideTracksKeepsItsFactMarkedPartialAndAnyOtherIsDropped() {
    // SIZE stands for a parameter without a width, SPACE for a field with one
    java.util.function.Predicate<AccessPath> plain = SIZE::equals;
    State left = new State(plain);
    left.put(SPACE, SMALL);
    left.put(SIZE, U16);
    State joined = State.join(left, new State(plain));
    assertFalse(joined.tracks(SPACE)); // back to its declared fact, the widest
    assertEquals(Range.of(0, 0xFFFF), joined.fact(SIZE).range());
    assertTrue(joined.fact(SIZE).partial());
    State mirrored = State.join(new State(plain), left);
    assertTrue(State.same(joined, mirrored));
    // without the predicate (strict mode) an untracked path is any value of its type: dropped
    State strictLeft = new State();
    strictLeft.put(SIZE, U16);
    assertFalse(State.join(strictLeft, new State()).tracks(SIZE));
  }

  @Test
  void aBoxOneSideDoesNotKnowForgetsEveryBoxOfItsLocalInStrictMode() {
    // o holds an Integer or a Long on one side, an Integer on the other: in strict mode the Long
    // path cannot stay tracked, and the Integer path alone would read as "never a Long"
    Element o = element("o");
    AccessPath asInt = AccessPath.box(o, org.abiguard.processor.model.JavaKind.INT);
    AccessPath asLong = AccessPath.box(o, org.abiguard.processor.model.JavaKind.LONG);
    State both = new State();
    both.put(asInt, SMALL);
    both.put(asLong, U16);
    both.put(SPACE, SMALL);
    State intOnly = new State();
    intOnly.put(asInt, SMALL);
    intOnly.put(SPACE, U16);
    for (State joined : new State[] {State.join(both, intOnly), State.join(intOnly, both)}) {
      assertFalse(joined.tracks(asInt));
      assertFalse(joined.tracks(asLong));
      assertEquals(Range.of(0, 0xFFFF), joined.fact(SPACE).range());
    }
    // the same kinds on both sides are kept
    assertEquals(Range.of(0, 0xFF), State.join(intOnly, intOnly.copy()).fact(asInt).range());
    // in lenient mode a box path is plain where untracked: the Long is kept, marked partial
    java.util.function.Predicate<AccessPath> plain = p -> p.boxKind() != null;
    State lenientBoth = new State(plain);
    lenientBoth.put(asInt, SMALL);
    lenientBoth.put(asLong, U16);
    State lenientInt = new State(plain);
    lenientInt.put(asInt, SMALL);
    State joined = State.join(lenientBoth, lenientInt);
    assertEquals(Range.of(0, 0xFF), joined.fact(asInt).range());
    assertTrue(joined.fact(asLong).partial());
  }

  @Test
  void aJoinKeepsTheConstantsBothSidesAgreeOnAndAWriteForgetsOne() {
    Element size = element("size");
    Element name = element("name");
    Element out = element("out");
    State left = new State();
    left.constant(size, "WORD");
    left.constant(name, "half");
    left.constant(out, ConstantChoices.NULL);
    State right = left.copy();
    right.constant(name, "word");
    right.kill(out);
    State joined = State.join(left, right);
    assertEquals("WORD", joined.constant(size));
    assertNull(joined.constant(name));
    assertNull(joined.constant(out));
    assertTrue(State.same(joined, State.join(joined, joined)));
    assertFalse(State.same(left, right));
    // an unreachable side adds nothing, and holds no constant
    assertEquals("half", State.join(left, State.UNREACHABLE).constant(name));
    assertNull(State.UNREACHABLE.constant(name));
    left.kill(size);
    assertNull(left.constant(size));
    assertEquals("half", left.constant(name));
  }

  @Test
  void aLambdaSeesTheConstantsOfTheLocalsItCaptures() {
    Element size = element("size");
    State state = new State();
    state.constant(size, "WORD");
    assertEquals("WORD", state.capturedLocals().constant(size));
  }

  /** An element that is only itself: a boolean local, or a variable a path starts at. */
  private static Element element(String name) {
    return (Element)
        Proxy.newProxyInstance(
            StateTest.class.getClassLoader(),
            new Class<?>[] {Element.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "equals" -> proxy == args[0];
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "toString" -> name;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  @Test
  void aLocalSetFalseOnOneSideProvesWhatTheOtherSideKnewWhenTrue() {
    Element ok = element("ok");
    State checked = new State(); // the check passed: space fits, ok is still true
    checked.put(SPACE, SMALL);
    checked.flag(ok, new State.Flag(Map.of(), null));
    State failed = new State(); // the check failed: ok = false
    failed.put(SPACE, U16);
    failed.flag(ok, new State.Flag(null, Map.of()));
    State joined = State.join(checked, failed);
    assertEquals(Range.of(0, 0xFFFF), joined.fact(SPACE).range());
    State.Flag flag = Objects.requireNonNull(joined.flag(ok));
    assertEquals(Range.of(0, 0xFF), Objects.requireNonNull(flag.whenTrue()).get(SPACE).range());
    assertEquals(Map.of(), flag.whenFalse()); // false: the failed side, no narrower than the join
  }

  @Test
  void aLocalKnownOnOneSideOnlyProvesWhatBothSidesKnew() {
    Element ok = element("ok");
    State flagged = new State();
    flagged.put(SPACE, SMALL);
    flagged.flag(ok, new State.Flag(Map.of(SIZE, SMALL), Map.of()));
    State unknown = new State(); // ok was written with a value the analysis knows nothing of
    unknown.put(SPACE, SMALL);
    State joined = State.join(flagged, unknown);
    assertNull(joined.flag(ok)); // size is untracked on the unknown side: nothing narrower
    assertSame(SMALL, joined.fact(SPACE));
  }

  @Test
  void writingAVariableForgetsOnlyTheFactsOfAFlagThatNameIt() {
    Element ok = element("ok");
    Element len = element("len");
    AccessPath lenPath = AccessPath.of(len);
    State state = new State();
    state.flag(ok, new State.Flag(Map.of(SPACE, SMALL, lenPath, SMALL), null));
    state.kill(len);
    State.Flag flag = Objects.requireNonNull(state.flag(ok));
    assertEquals(Map.of(SPACE, SMALL), flag.whenTrue());
    assertNull(flag.whenFalse()); // still never false
    state.kill(ok);
    assertNull(state.flag(ok));
  }
}
