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
    SinkChecker.Finding f = SinkChecker.check(space, U16_PARAM, "xatp.space");
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
    assertNull(SinkChecker.check(Fact.plain(Range.of(0, 0xFFFF), "x"), U16_PARAM, "x"));
    assertNull(SinkChecker.check(null, U16_PARAM, "x"));
  }

  @Test
  void negativeValuesIntoAnUnsignedSinkAreASignProblem() {
    SinkChecker.Finding f =
        SinkChecker.check(Fact.plain(Range.of(-1, 10), "constant"), U16_PARAM, "v");
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
    SinkChecker.Finding f = SinkChecker.check(flags, u16Field, "r.flags");
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
        SinkChecker.check(Fact.plain(Range.of(-0x10000, 0x10000), "x"), s16Local, "a + b");
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
    SinkChecker.Finding f = SinkChecker.check(space, U16_PARAM, "a".repeat(80));
    assertEquals(
        "  - reject values above 0xFFFF before the call", f.message().lines().toList().get(2));
  }
}
