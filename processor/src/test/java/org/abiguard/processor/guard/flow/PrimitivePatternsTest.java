package org.abiguard.processor.guard.flow;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.testing.compile.Compilation;
import java.util.List;
import org.abiguard.processor.Compile;
import org.abiguard.processor.Expected;
import org.abiguard.processor.Expected.Source;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A primitive pattern of another primitive type (Java 23's preview, still one in Java 25: {@code v
 * instanceof int i} with a {@code long v}) matches only the values that type holds exactly, so its
 * binding holds those values, not what a cast would keep of the others.
 */
class PrimitivePatternsTest {
  private static final Source SOURCE =
      Source.of(
          "p.Exact",
          """
          package p;

          import org.abiguard.U16;
          import org.abiguard.U8;

          final class Exact {
            static void addOne(@U16 int space) {}

            static void order(@U8 int order) {}

            static void fits(ExactOp op) {
              long v = op.space & 0xFFFFFFFFL;
              if (v instanceof short s) {
                addOne(s); // 0..0x7FFF: v is not negative
              }
              if (v instanceof char c) {
                addOne(c);
              }
              if (v instanceof byte b) {
                order(b);
              }
              int o = op.order & 0xFF;
              if (o instanceof byte b) {
                order(b); // 0..0x7F, not the negative bytes a cast would make of 0x80..0xFF
              }
            }

            static void tooWide(ExactOp op) {
              long v = op.space & 0xFFFFFFFFL;
              switch (v) {
                case int i -> addOne(i); // 0..0x7FFFFFFF
                default -> {}
              }
            }
          }
          """);

  private static final Source OP =
      Source.of(
          "p.ExactOp",
          """
          package p;

          import org.abiguard.AbiStruct;
          import org.abiguard.U32;
          import org.abiguard.U8;

          @AbiStruct(name = "exact_op")
          public final class ExactOp {
            @U32 public int space;
            @U8 public byte order;
          }
          """);

  @ParameterizedTest
  @ValueSource(strings = {"lenient", "strict"})
  void aBindingHoldsOnlyTheValuesItsTypeHoldsExactly(String mode) {
    assumeTrue(
        Runtime.version().feature() >= 25,
        "primitive patterns need javac 25 with --enable-preview; this is javac "
            + Runtime.version().feature());
    Compilation c =
        Compile.javac(
            List.of(
                "--release",
                String.valueOf(Runtime.version().feature()),
                "--enable-preview",
                "-Xlint:-preview",
                "-Aabiguard.mode=" + mode),
            OP,
            SOURCE);
    String message =
        "[abiguard:narrowing] expression `op.space & 0xFFFFFFFFL` can reach parameter 'space' of"
            + " addOne (u16): values 0x10000..0x7FFFFFFF would be truncated";
    Expected at = SOURCE.error("// 0..0x7FFFFFFF", "i)", message);
    Expected.assertExactlyContaining(
        c, List.of(new Expected(at.kind(), at.file(), at.line(), at.column(), message)));
  }
}
