package org.abiguard.processor.guard.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.abiguard.processor.diag.AbiKind;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.guard.facts.Range;
import org.abiguard.processor.model.JavaKind;
import org.abiguard.processor.model.Width;
import org.junit.jupiter.api.Test;

/** The sink check decides the kind and writes the lost values and fixes. */
class SinkCheckerTest {
  private static final Sink U16_PARAM =
      new Sink(
          Width.U16, JavaKind.INT, "parameter 'space' of xenmemAddToPhysmapOne (u16)", "parameter");

  @Test
  void theXenCaseIsAOneLineSummaryThenTheFixes() {
    Fact space = Fact.declared(Width.U32, JavaKind.INT, "field XenAddToPhysmap.space (u32)");
    SinkChecker.Finding f = SinkChecker.check(space, U16_PARAM, "xatp.space", null);
    assertEquals(AbiKind.NARROWING, f.kind());
    assertEquals(
        """
        field XenAddToPhysmap.space (u32) can reach parameter 'space' of xenmemAddToPhysmapOne (u16): \
        values 0x10000..0xFFFFFFFF would be truncated
          - widen the parameter to u32
          - reject values above 0xFFFF before the call: if (xatp.space < 0 || xatp.space > 0xFFFF), return an \
        error or throw
          - write Abi.checkU16(...) (throws on them) or Abi.truncU16(...) (keeps the low bits) to make the \
        conversion explicit""",
        f.message());
  }

  @Test
  void valuesThatFitPass() {
    assertNull(SinkChecker.check(Fact.plain(Range.of(0, 0xFFFF), "x"), U16_PARAM, "x", null));
    assertNull(SinkChecker.check(null, U16_PARAM, "x", null));
  }

  @Test
  void negativeValuesIntoAnUnsignedSinkAreASignProblem() {
    SinkChecker.Finding f =
        SinkChecker.check(Fact.plain(Range.of(-1, 10), "constant"), U16_PARAM, "v", null);
    assertEquals(AbiKind.SIGN, f.kind());
    assertEquals(
        """
        constant can reach parameter 'space' of xenmemAddToPhysmapOne (u16): negative values -0x1 would become \
        huge u16 values
          - reject negative values before the call: if (v < 0), return an error or throw
          - write Abi.checkU16(...) to make the conversion explicit (it throws on them)""",
        f.message());
  }

  @Test
  void signExtendedRawBitsAreWidenedAsUnsigned() {
    Fact flags = new Fact(Range.of(-0x80, 0x7F), null, "field Ring.flags (u8)", Width.U8, true);
    Sink u16Field = new Sink(Width.U16, JavaKind.INT, "field Ring.mask (u16)", "field");
    SinkChecker.Finding f = SinkChecker.check(flags, u16Field, "r.flags", JavaKind.BYTE);
    assertEquals(AbiKind.SIGN, f.kind());
    assertEquals(
        """
        field Ring.flags (u8) can reach field Ring.mask (u16) through Java's sign-extending widening: raw u8 \
        values 0x80..0xFF arrive as -0x80..-0x1
          - write Byte.toUnsignedInt(r.flags) or r.flags & 0xFF to widen them as unsigned""",
        f.message());
  }

  @Test
  void signedSinksRejectValuesOutsideTheirRangeAndAnExpressionIsParenthesized() {
    Sink s16Local = new Sink(Width.S16, JavaKind.INT, "local 'delta' (s16)", "local");
    SinkChecker.Finding f =
        SinkChecker.check(Fact.plain(Range.of(-0x10000, 0x10000), "x"), s16Local, "a + b", null);
    assertEquals(
        """
        x can reach local 'delta' (s16): values -0x10000..-0x8001 and 0x8000..0x10000 would be truncated
          - widen the local to s32
          - reject values outside -0x8000..0x7FFF before the assignment: if ((a + b) < -0x8000 || (a + b) > \
        0x7FFF), return an error or throw
          - write Abi.checkS16(...) to make the conversion explicit (it throws on them)""",
        f.message());
  }

  @Test
  void longExpressionsAreNotRepeatedInTheSuggestedCheck() {
    Fact space = Fact.plain(Range.of(0, 0x1_0000), "x");
    SinkChecker.Finding f = SinkChecker.check(space, U16_PARAM, "a".repeat(80), null);
    assertEquals(
        "  - reject values above 0xFFFF before the call", f.message().lines().toList().get(2));
  }

  @Test
  void aValueAlreadyWidenedToLongIsOfferedTheMaskOnly() {
    // Integer.toUnsignedLong(widened) does not compile when widened is a long already
    Fact raw =
        new Fact(Range.of(-0x80000000L, 0x7FFFFFFF), null, "field X.raw (u32)", Width.U32, true);
    Sink u32 = new Sink(Width.U32, JavaKind.LONG, "parameter 'space' of addOne (u32)", "parameter");
    assertEquals(
        "  - write widened & 0xFFFFFFFFL to widen them as unsigned",
        SinkChecker.check(raw, u32, "widened", JavaKind.LONG).message().lines().toList().get(1));
    assertEquals(
        "  - write Integer.toUnsignedLong(x.raw) or x.raw & 0xFFFFFFFFL to widen them as unsigned",
        SinkChecker.check(raw, u32, "x.raw", JavaKind.INT).message().lines().toList().get(1));
  }

  @Test
  void aHelperIsCastToASinkNarrowerThanItsResult() {
    // Abi.checkU32 returns long: a @U32 int (raw bits) sink takes it only through a cast
    Sink rawU32 = new Sink(Width.U32, JavaKind.INT, "field X.raw (u32)", "field");
    assertEquals(
        "  - write (int) Abi.checkU32(...) to make the conversion explicit (it throws on them)",
        SinkChecker.check(Fact.plain(Range.of(-1, 10), "v"), rawU32, "v", JavaKind.INT)
            .message()
            .lines()
            .toList()
            .get(2));
    Sink rawU16 = new Sink(Width.U16, JavaKind.SHORT, "field X.port (u16)", "field");
    assertEquals(
        "  - write (short) Abi.checkU16(...) (throws on them) or (short) Abi.truncU16(...) (keeps"
            + " the low bits) to make the conversion explicit",
        SinkChecker.check(Fact.plain(Range.of(0, 0x10000), "v"), rawU16, "v", JavaKind.INT)
            .message()
            .lines()
            .toList()
            .get(3));
    Sink s8 = new Sink(Width.S8, JavaKind.INT, "field X.delta (s8)", "field");
    assertEquals(
        "  - write Abi.checkS8(...) to make the conversion explicit (it throws on them)",
        SinkChecker.check(Fact.plain(Range.of(0, 0x100), "v"), s8, "v", JavaKind.INT)
            .message()
            .lines()
            .toList()
            .get(3));
  }
}
