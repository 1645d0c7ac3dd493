package org.abiguard.processor.guard.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A private method's start keeps, with each fact its calls passed, which call passed which values,
 * and a finding names the calls whose values the sink loses, only while the value is still the one
 * they passed.
 */
class PassedInTest {
  private static final String CHECKED = "the call of one in checked (line 20)";
  private static final String UNCHECKED = "the call of one in unchecked (line 25)";
  private static final String PLAIN = "the call of one in plain (line 30)";
  private static final Range LOST = Range.of(0x10000, 0xFFFFFFFFL);

  private static Fact field(Range values) {
    return Fact.plain(values, "field Op.space (u32)");
  }

  private static Fact passed() {
    return PassedIn.of(
        field(Range.of(0, 0xFFFFFFFFL)),
        List.of(
            new PassedIn.Call(CHECKED, Range.of(0, 0xFFFF)),
            new PassedIn.Call(UNCHECKED, Range.of(0, 0xFFFFFFFFL))));
  }

  @Test
  void aFactReadsAsTheNameItWasJoinedUnder() {
    assertEquals("field Op.space (u32)", passed().origin().toString());
    assertEquals("field Op.space (u32)", JoinedOrigin.losing(passed(), List.of(LOST)).toString());
  }

  @Test
  void onlyTheCallsThatPassedALostValueAreNamed() {
    assertEquals(List.of(UNCHECKED), JoinedOrigin.losingCalls(passed(), List.of(LOST)));
    assertEquals(
        List.of(CHECKED, UNCHECKED),
        JoinedOrigin.losingCalls(passed(), List.of(Range.of(0x8000, 0xFFFF))));
    assertEquals(List.of(), JoinedOrigin.losingCalls(passed(), List.of(Range.of(-1, -1))));
  }

  @Test
  void aCallThatPassedNoKnownRangeMayHavePassedAnyValue() {
    Fact joined =
        PassedIn.of(
            field(Range.of(0, 0xFFFFFFFFL)),
            List.of(
                new PassedIn.Call(CHECKED, Range.of(0, 0xFFFF)), new PassedIn.Call(PLAIN, null)));
    assertEquals(List.of(PLAIN), JoinedOrigin.losingCalls(joined, List.of(LOST)));
  }

  @Test
  void aValueJoinedWithAnotherStillNamesTheCallsOnItsSide() {
    Fact joined = Fact.join(passed(), Fact.plain(Range.of(-1, -1), "constant -0x1"));
    assertEquals(List.of(UNCHECKED), JoinedOrigin.losingCalls(joined, List.of(LOST)));
    assertEquals(List.of(), JoinedOrigin.losingCalls(joined, List.of(Range.of(-1, -1))));
  }

  @Test
  void aValueComputedSinceNamesNoCall() {
    Fact sum = passed().withRange(Range.of(1, 0x100000000L));
    assertEquals(
        List.of(), JoinedOrigin.losingCalls(sum, List.of(Range.of(0x10000, 0x100000000L))));
  }

  @Test
  void callsWhoseValuesAreNotTheJoinsKeepNoneOfThem() {
    Fact joined = field(Range.of(0, 0xFFFFFFFFL));
    assertSame(
        joined, PassedIn.of(joined, List.of(new PassedIn.Call(CHECKED, Range.of(0, 0xFFFF)))));
    assertSame(joined, PassedIn.of(joined, List.of()));
  }
}
