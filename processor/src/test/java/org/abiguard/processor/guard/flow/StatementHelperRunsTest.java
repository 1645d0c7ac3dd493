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
 * Helpers of statements are run for each call, at most {@link Helpers#STATEMENT_RUNS} times in the
 * analysis of one method: beyond that a helper of statements is not followed, as if it were none,
 * so that helpers calling each other in loops cannot take time exponential in their depth.
 */
class StatementHelperRunsTest {
  private static final String LOW16 =
      """
        private static int low16(long v) {
          int low = (int) (v & 0xFFFF);
          return low;
        }
      """;

  /**
   * A method calling a helper of statements 400 times, and once more: in strict mode, the last
   * result is any {@code int}, the helper not followed; every earlier one is 0..0xFFFF.
   */
  @Test
  void aMethodRunsHelpersStatementsAtMostFourHundredTimes() {
    StringBuilder calls = new StringBuilder();
    for (int i = 0; i < Helpers.STATEMENT_RUNS; i++) {
      calls.append("    sink(low16(v));\n");
    }
    Source source =
        Source.of(
            "p.Runs",
            "package p;\n\nimport org.abiguard.U16;\n\nfinal class Runs {\n"
                + "  static void sink(@U16 int port) {}\n\n"
                + LOW16
                + "\n  static void many(long v) {\n"
                + calls
                + "    sink(low16(v)); // one more\n"
                + "  }\n\n"
                + "  static void next(long v) {\n"
                + "    sink(low16(v)); // the next method runs it again\n"
                + "  }\n}\n");
    Compilation c = Compile.javac(List.of("-Aabiguard.mode=strict"), source);
    Expected.assertExactly(
        c,
        source.error(
            "// one more",
            "(v));",
            """
            [abiguard:narrowing] result of low16() (s32) can reach parameter 'port' of sink (u16): \
            values -0x80000000..-0x1 and 0x10000..0x7FFFFFFF would be truncated
                - widen the parameter to s32
                - reject values outside 0x0..0xFFFF before the call: int checked = low16(v); if \
            (checked < 0 || checked > 0xFFFF), return an error or throw, and pass checked
                - write Abi.checkU16(...) (throws on them) or Abi.truncU16(...) (keeps the low \
            bits) to make the conversion explicit"""));
  }

  /**
   * Eight helpers of statements, each calling the next twice in a loop: without a bound, each call
   * of the first would run the last millions of times (the compilation took 9 minutes). Each masks
   * its result, so what is not followed is still in range: no diagnostic, in strict mode.
   */
  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS) // a hang, not a speed: it ends in seconds
  void helpersOfStatementsCallingEachOtherInLoopsEnd() {
    StringBuilder helpers = new StringBuilder();
    for (int k = 0; k < 8; k++) {
      String next = k < 7 ? "h" + (k + 1) + "(v, i) + h" + (k + 1) + "(v + 1, i)" : "(int) v";
      helpers
          .append("  private static int h")
          .append(k)
          .append("(long v, int j) {\n    int acc = 0;\n    for (int i = 0; i < 3; i++) {\n")
          .append("      if (v > i + j) {\n        acc = ")
          .append(next)
          .append(" & 0x7F;\n      }\n    }\n    return acc;\n  }\n\n");
    }
    StringBuilder methods = new StringBuilder();
    for (int m = 0; m < 20; m++) {
      methods.append("  static void m").append(m).append("(@U32 long v) {\n");
      methods.append("    sink(h0(v, ").append(m).append("));\n  }\n\n");
    }
    Source source =
        Source.of(
            "p.Chain",
            "package p;\n\nimport org.abiguard.U16;\nimport org.abiguard.U32;\n\n"
                + "final class Chain {\n  static void sink(@U16 int port) {}\n\n"
                + helpers
                + methods
                + "}\n");
    Compilation c = Compile.javac(List.of("-Aabiguard.mode=strict"), source);
    assertEquals(Compilation.Status.SUCCESS, c.status());
    Expected.assertExactly(c);
  }
}
