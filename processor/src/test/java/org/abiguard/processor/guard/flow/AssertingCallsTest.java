package org.abiguard.processor.guard.flow;

import java.util.List;
import org.abiguard.processor.Compile;
import org.abiguard.processor.Expected;
import org.abiguard.processor.Expected.Source;
import org.junit.jupiter.api.Test;

/**
 * The libraries' precondition and assertion calls ({@link AssertingCalls}) prove their condition
 * once they return, as an {@code if} that throws does: Guava and JUnit Jupiter as they are on the
 * test class path, Commons Lang, Spring and JUnit 4 by stand-ins of the same names.
 */
class AssertingCallsTest {
  private static final Source VALIDATE =
      Source.of(
          "org.apache.commons.lang3.Validate",
          """
      package org.apache.commons.lang3;

      public final class Validate {
        public static void isTrue(boolean expression, String message, Object... values) {
          if (!expression) throw new IllegalArgumentException(message);
        }

        public static void validState(boolean expression, String message, Object... values) {
          if (!expression) throw new IllegalStateException(message);
        }
      }
      """);

  private static final Source SPRING =
      Source.of(
          "org.springframework.util.Assert",
          """
      package org.springframework.util;

      public abstract class Assert {
        public static void isTrue(boolean expression, String message) {
          if (!expression) throw new IllegalArgumentException(message);
        }

        public static void state(boolean expression, String message) {
          if (!expression) throw new IllegalStateException(message);
        }
      }
      """);

  private static final Source JUNIT4 =
      Source.of(
          "org.junit.Assert",
          """
      package org.junit;

      public class Assert {
        public static void assertTrue(String message, boolean condition) {
          if (!condition) throw new AssertionError(message);
        }

        public static void assertFalse(boolean condition) {
          if (condition) throw new AssertionError();
        }
      }
      """);

  private static final Source OP =
      Source.of(
          "p.Op",
          """
      package p;

      import org.abiguard.AbiStruct;
      import org.abiguard.U32;

      @AbiStruct(name = "checked_op")
      public final class Op {
        @U32 public long space;
        @U32 public long idx;
      }
      """);

  private static final Source CHECKED =
      Source.of(
          "p.Checked",
          """
      package p;

      import com.google.common.base.Preconditions;
      import com.google.common.base.Verify;
      import org.abiguard.U16;
      import org.junit.jupiter.api.Assertions;

      final class Checked {
        static void guava(Op op) {
          Preconditions.checkArgument(op.space <= 0xFFFF, "space %s", op.space);
          Preconditions.checkState(op.idx < 0x10000);
          use((int) op.space, (int) op.idx);
        }

        static void verify(Op op) {
          Verify.verify(op.space <= 0xFFFF && op.idx <= 0xFFFF, "too big");
          use((int) op.space, (int) op.idx);
        }

        static void lang(Op op) {
          org.apache.commons.lang3.Validate.isTrue(op.space <= 0xFFFF, "space %d", op.space);
          org.apache.commons.lang3.Validate.validState(op.idx <= 0xFFFF, "idx");
          use((int) op.space, (int) op.idx);
        }

        static void spring(Op op) {
          org.springframework.util.Assert.isTrue(op.space <= 0xFFFF, "space");
          org.springframework.util.Assert.state(op.idx <= 0xFFFF, "idx");
          use((int) op.space, (int) op.idx);
        }

        static void jupiter(Op op) {
          Assertions.assertTrue(op.space <= 0xFFFF);
          Assertions.assertFalse(op.idx > 0xFFFF, "idx");
          use((int) op.space, (int) op.idx);
        }

        static void junit4(Op op) {
          org.junit.Assert.assertTrue("space", op.space <= 0xFFFF);
          org.junit.Assert.assertFalse(op.idx > 0xFFFF);
          use((int) op.space, (int) op.idx);
        }

        static void use(@U16 int space, @U16 int idx) {}
      }
      """);

  /** Each library's call proves its condition, in both modes: nothing is reported. */
  @Test
  void eachLibrarysCallProvesItsCondition() {
    Expected.assertExactly(Compile.javac(OP, CHECKED, VALIDATE, SPRING, JUNIT4));
    Expected.assertExactly(
        Compile.javac(List.of("-Aabiguard.mode=strict"), OP, CHECKED, VALIDATE, SPRING, JUNIT4));
  }

  private static final Source UNCHECKED =
      Source.of(
          "p.Unchecked",
          """
      package p;

      import com.google.common.base.Preconditions;
      import java.util.function.BooleanSupplier;
      import org.abiguard.U16;
      import org.junit.jupiter.api.Assertions;

      final class Unchecked {
        static void tooWide(Op op) {
          Preconditions.checkArgument(op.space <= 0x1FFFF);
          use((int) op.space); // too wide
        }

        static void wrongWay(Op op) {
          Assertions.assertFalse(op.space <= 0xFFFF);
          use((int) op.space); // wrong way
        }

        static void laterArgument(Op op) {
          Preconditions.checkArgument(op.space <= 0xFFFF, "%s", id((int) op.space)); // before the check
        }

        static void laterArgumentWrites(Op op) {
          long space = op.space;
          Preconditions.checkArgument(space <= 0xFFFF, "%s", space = op.idx);
          use((int) space); // written after
        }

        static void supplier(Op op) {
          BooleanSupplier fits = () -> op.space <= 0xFFFF;
          Assertions.assertTrue(fits);
          use((int) op.space); // supplier
        }

        static int id(@U16 int v) {
          return v;
        }

        static void use(@U16 int space) {}
      }
      """);

  private static String lost(String source, String sink, String values, String fixes) {
    return "[abiguard:narrowing] "
        + source
        + " (u32) can reach parameter '"
        + sink
        + ": values "
        + values
        + " would be truncated\n"
        + fixes;
  }

  /**
   * A condition that proves too little, the other way round, or nothing the later use relies on (a
   * later argument, evaluated before the call, or one that writes the value checked; a {@code
   * BooleanSupplier}) is no check of the value used.
   */
  @Test
  void whatTheConditionDoesNotProveIsReported() {
    String fixSpace =
        """
            - widen the parameter to u32
            - reject values above 0xFFFF before the call: if (op.space > 0xFFFF), return an error or throw
            - write Abi.checkU16(...) (throws on them) or Abi.truncU16(...) (keeps the low bits) to make the \
        conversion explicit""";
    Expected.assertExactly(
        Compile.javac(OP, UNCHECKED),
        UNCHECKED.error(
            "// too wide",
            "(int) op.space",
            lost("field Op.space", "space' of use (u16)", "0x10000..0x1FFFF", fixSpace)),
        UNCHECKED.error(
            "// wrong way",
            "(int) op.space",
            lost("field Op.space", "space' of use (u16)", "0x10000..0xFFFFFFFF", fixSpace)),
        UNCHECKED.error(
            "// before the check",
            "(int) op.space",
            lost("field Op.space", "v' of id (u16)", "0x10000..0xFFFFFFFF", fixSpace)),
        UNCHECKED.error(
            "// written after",
            "(int) space",
            lost(
                "field Op.idx",
                "space' of use (u16)",
                "0x10000..0xFFFFFFFF",
                """
                    - widen the parameter to u32
                    - reject values above 0xFFFF before the call: if (space > 0xFFFF), return an error or throw
                    - write Abi.checkU16(...) (throws on them) or Abi.truncU16(...) (keeps the low bits) to make the \
                conversion explicit""")),
        UNCHECKED.error(
            "// supplier",
            "(int) op.space",
            lost("field Op.space", "space' of use (u16)", "0x10000..0xFFFFFFFF", fixSpace)));
  }
}
