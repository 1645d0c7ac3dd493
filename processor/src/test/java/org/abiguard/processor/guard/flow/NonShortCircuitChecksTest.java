package org.abiguard.processor.guard.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.abiguard.processor.Compile;
import org.abiguard.processor.Expected;
import org.abiguard.processor.Expected.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A boolean {@code &} or {@code |} evaluates its right operand on each side of its left one, so a
 * chain nested in right operands would double the work at each level: beyond a few levels a nested
 * one proves nothing, and the analysis ends.
 */
class NonShortCircuitChecksTest {
  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS) // a hang, not a speed: it ends in seconds
  void aChainNestedInRightOperandsEndsAndItsOuterChecksStillCount() {
    // (x.space <= 0xFFFF) & ((p1 > 1) & ((p2 > 2) & ... (p0 > 0)))): 40 levels, 2^40 without a
    // bound (23 levels took 18 s)
    StringBuilder chain = new StringBuilder("p0 > 0");
    StringBuilder params = new StringBuilder("int p0");
    for (int i = 1; i < 40; i++) {
      chain.insert(0, "(p" + i + " > " + i + ") & (").append(')');
      params.append(", int p").append(i);
    }
    Source source =
        Source.of(
            "p.ChainOp",
            "package p;\n\nimport org.abiguard.AbiStruct;\nimport org.abiguard.U16;\n"
                + "import org.abiguard.U32;\n\n"
                + "@AbiStruct(name = \"chain_op\")\nclass ChainOp {\n  @U32 public long space;\n}\n\n"
                + "final class Chain {\n"
                + "  static void addOne(@U16 int v) {}\n\n"
                + "  static void checked(ChainOp x, "
                + params
                + ") {\n"
                + "    boolean ok = (x.space <= 0xFFFF) & ("
                + chain
                + ");\n"
                + "    if (ok) {\n"
                + "      addOne((int) x.space);\n"
                + "    }\n"
                + "    addOne((int) x.space); // not checked here\n"
                + "  }\n}\n");
    Compilation c = Compile.javac(List.of(), source);
    assertEquals(Compilation.Status.FAILURE, c.status());
    Expected.assertExactly(
        c,
        source.error(
            "// not checked here",
            "(int) x.space); // not",
            """
            [abiguard:narrowing] field ChainOp.space (u32) can reach parameter 'v' of addOne \
            (u16): values 0x10000..0xFFFFFFFF would be truncated
                - widen the parameter to u32
                - reject values above 0xFFFF before the call: if (x.space > 0xFFFF), return an \
            error or throw
                - write Abi.checkU16(...) (throws on them) or Abi.truncU16(...) (keeps the low \
            bits) to make the conversion explicit"""));
  }
}
