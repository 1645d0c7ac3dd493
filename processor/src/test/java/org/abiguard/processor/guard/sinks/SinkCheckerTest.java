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
      new Sink(Width.U16, JavaKind.INT, "parameter 'space' of xenmemAddToPhysmapOne (u16)", "parameter");

  @Test
  void theXenCaseNamesSourceSinkValuesAndFixes() {
    Fact space = Fact.declared(Width.U32, JavaKind.INT, "field XenAddToPhysmap.space (u32)");
    SinkChecker.Finding f = SinkChecker.check(space, U16_PARAM, "xatp.space");
    assertEquals(AbiKind.NARROWING, f.kind());
    assertEquals("field XenAddToPhysmap.space (u32) can reach parameter 'space' of xenmemAddToPhysmapOne (u16):"
        + " values 0x10000..0xFFFFFFFF would be truncated. Widen the parameter to u32, check the range first"
        + " (if (xatp.space < 0 || xatp.space > 0xFFFF) return -EINVAL;), or write Abi.checkU16(...) /"
        + " Abi.truncU16(...) to make the conversion explicit.", f.message());
  }

  @Test
  void valuesThatFitPass() {
    assertNull(SinkChecker.check(Fact.plain(Range.of(0, 0xFFFF), "x"), U16_PARAM, "x"));
    assertNull(SinkChecker.check(null, U16_PARAM, "x"));
  }

  @Test
  void negativeValuesIntoAnUnsignedSinkAreASignProblem() {
    SinkChecker.Finding f = SinkChecker.check(Fact.plain(Range.of(-1, 10), "constant"), U16_PARAM, "v");
    assertEquals(AbiKind.SIGN, f.kind());
    assertEquals("constant can reach parameter 'space' of xenmemAddToPhysmapOne (u16): negative values -0x1 would"
        + " become huge u16 values. Check the sign first (if (v < 0) return -EINVAL;), or write Abi.checkU16(...)"
        + " to make the conversion explicit.", f.message());
  }

  @Test
  void longExpressionsAreCalledValueInTheSuggestedCheck() {
    Fact space = Fact.plain(Range.of(0, 0x1_0000), "x");
    SinkChecker.Finding f = SinkChecker.check(space, U16_PARAM, "a".repeat(80));
    assertEquals(true, f.message().contains("(if (value > 0xFFFF) return -EINVAL;)"));
  }
}
