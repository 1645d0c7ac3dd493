package org.abiguard.processor.guard.flow;

import com.google.testing.compile.Compilation;
import java.util.List;
import org.abiguard.processor.Compile;
import org.abiguard.processor.Expected;
import org.abiguard.processor.Expected.Source;
import org.junit.jupiter.api.Test;

/**
 * A helper of statements is followed up to {@link HelperBodies#STATEMENT_NODES} tree nodes: a
 * validation helper of a few dozen lines is, one far larger is not (its result is then any value of
 * its type in strict mode).
 */
class StatementHelperSizeTest {
  /** A mask followed by {@code statements} statements that keep its range, of 4 nodes each. */
  private static String helper(String name, int statements) {
    StringBuilder body = new StringBuilder();
    body.append("  private static int ").append(name).append("(long v) {\n");
    body.append("    int low = (int) (v & 0xFFFF);\n");
    for (int i = 0; i < statements; i++) {
      body.append("    low |= 0;\n");
    }
    body.append("    return low;\n  }\n\n");
    return body.toString();
  }

  @Test
  void aHelperOfAFewHundredNodesIsFollowedAndALargerOneIsNot() {
    // about 10 + 4 * 60 = 250 nodes, and 10 + 4 * 100 = 410
    Source source =
        Source.of(
            "p.Sizes",
            "package p;\n\nimport org.abiguard.U16;\n\nfinal class Sizes {\n"
                + "  static void sink(@U16 int port) {}\n\n"
                + helper("sixtyLines", 60)
                + helper("hundredLines", 100)
                + "  static void use(long v) {\n"
                + "    sink(sixtyLines(v));\n"
                + "    sink(hundredLines(v)); // too large\n"
                + "  }\n}\n");
    Compilation c = Compile.javac(List.of("-Aabiguard.mode=strict"), source);
    Expected.assertExactly(
        c,
        source.error(
            "// too large",
            "(v));",
            """
            [abiguard:narrowing] result of hundredLines() (s32) can reach parameter 'port' of \
            sink (u16): values -0x80000000..-0x1 and 0x10000..0x7FFFFFFF would be truncated
                - widen the parameter to s32
                - reject values outside 0x0..0xFFFF before the call: int checked = \
            hundredLines(v); if (checked < 0 || checked > 0xFFFF), return an error or throw, and \
            pass checked
                - write Abi.checkU16(...) (throws on them) or Abi.truncU16(...) (keeps the low \
            bits) to make the conversion explicit"""));
  }
}
