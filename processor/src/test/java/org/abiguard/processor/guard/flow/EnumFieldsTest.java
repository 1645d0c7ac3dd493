package org.abiguard.processor.guard.flow;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import org.abiguard.processor.Compile;
import org.abiguard.processor.Expected;
import org.abiguard.processor.Expected.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@link EnumFields} reads from an enum's source: an enum constant's {@code ordinal()}, and a
 * final integer field its constructor stores from a constant argument or a constant initializes,
 * decide a test of them in any code; a field the source does not say plainly leaves the test to
 * either branch, in both modes.
 */
class EnumFieldsTest {
  private static final String NARROWING =
      "[abiguard:narrowing] field Op.space (u32) can reach parameter 'space' of addOne (u16):"
          + " values 0x10000..0xFFFFFFFF would be truncated";

  private static final Source SOURCE =
      Source.of(
          "p.Units",
          """
          package p;

          import org.abiguard.U16;

          final class Units {
            static void addOne(@U16 int space) {}

            enum Stored {
              A(1),
              B(2);

              final int n;

              Stored(int n) {
                this.n = n;
              }
            }

            enum Initialized {
              A,
              B;

              final int n = 3;
            }

            enum Delegating {
              A(1);

              final int n;

              Delegating(int n) {
                this(n, 0);
              }

              Delegating(int n, int unused) {
                this.n = n;
              }
            }

            enum Rewritten {
              A(1);

              final int n;

              Rewritten(int n) {
                n = n + 1;
                this.n = n;
              }
            }

            enum Computed {
              A(16);

              final int n;

              Computed(int bits) {
                this.n = bits / 8;
              }
            }

            enum Mutable {
              A(1);

              int n;

              Mutable(int n) {
                this.n = n;
              }
            }

            static void use(Op op) {
              if (Stored.B.n == 1) {
                addOne((int) op.space); // never: B stores 2
              }
              Stored a = Stored.A;
              switch (a.n) {
                case 1 -> {}
                default -> addOne((int) op.space); // never: A stores 1
              }
              if (Initialized.A.n != 3) {
                addOne((int) op.space); // never: initialized 3
              }
              if (Stored.B.ordinal() == 0) {
                addOne((int) op.space); // never: B is the second
              }
              if (Delegating.A.n == 2) {
                addOne((int) op.space); // delegating
              }
              if (Rewritten.A.n == 1) {
                addOne((int) op.space); // rewritten
              }
              if (Computed.A.n == 1) {
                addOne((int) op.space); // computed
              }
              if (Mutable.A.n == 2) {
                addOne((int) op.space); // mutable
              }
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

          @AbiStruct(name = "op")
          public final class Op {
            @U32 public long space;
          }
          """);

  @ParameterizedTest
  @ValueSource(strings = {"lenient", "strict"})
  void aFieldTheSourceSaysDecidesItsTestsAndAnyOtherLeavesBothBranches(String mode) {
    Compilation c = Compile.javac(List.of("-Aabiguard.mode=" + mode), OP, SOURCE);
    List<Expected> expected = new ArrayList<>();
    for (String marker : List.of("// delegating", "// rewritten", "// computed", "// mutable")) {
      Expected at = SOURCE.error(marker, "(int) op.space", NARROWING);
      expected.add(new Expected(at.kind(), at.file(), at.line(), at.column(), NARROWING));
    }
    Expected.assertExactlyContaining(c, expected);
  }

  /**
   * An enum of another file that javac lowers before the class using it is analysed (its
   * constructors then take the constants' names and ordinals first) is read as written.
   */
  @Test
  void anEnumOfAFileCompiledFirstIsReadAsWritten() {
    Source unit =
        Source.of(
            "p.Unit",
            """
            package p;

            public enum Unit {
              BYTE(1),
              HALF(2),
              WORD(4) {
                @Override
                public String toString() {
                  return "word";
                }
              };

              public final int bytes;

              Unit(int bytes) {
                this.bytes = bytes;
              }
            }
            """);
    Source use =
        Source.of(
            "p.Use",
            """
            package p;

            import org.abiguard.U16;

            final class Use {
              static void addOne(@U16 int space) {}

              static void byBytes(long v, Unit unit) {
                if (unit.bytes < 4) {
                  addOne((int) v);
                }
              }

              static void use(Op op) {
                if (Unit.WORD.bytes == 2) {
                  addOne((int) op.space); // never: WORD stores 4
                }
                byBytes(op.space, Unit.WORD);
                byBytes(op.space, Unit.HALF); // HALF stores 2
              }
            }
            """);
    String through =
        "[abiguard:narrowing] field Op.space (u32) can reach parameter 'space' of addOne (u16)"
            + " through parameter 'v' of byBytes (line 10): values 0x10000..0xFFFFFFFF would be"
            + " truncated";
    for (List<String> policy : List.of(List.<String>of(), List.of("-XDcompilePolicy=simple"))) {
      Compilation c = Compile.javac(policy, unit, OP, use);
      Expected at = use.error("// HALF", ".space", through);
      Expected.assertExactlyContaining(
          c, List.of(new Expected(at.kind(), at.file(), at.line(), at.column(), through)));
    }
  }

  @Test
  void theSameTestsOfAnEnumFromAJarAreLeftToBothBranches() {
    // Thread.State is the JDK's: its source is not the compilation's, so its ordinal is not read
    Source jar =
        Source.of(
            "p.Jar",
            """
            package p;

            import org.abiguard.U16;

            final class Jar {
              static void addOne(@U16 int space) {}

              static void use(Op op) {
                if (Thread.State.NEW.ordinal() == 1) {
                  addOne((int) op.space); // jar
                }
              }
            }
            """);
    Compilation c = Compile.javac(List.of(), OP, jar);
    Expected at = jar.error("// jar", "(int) op.space", NARROWING);
    Expected.assertExactlyContaining(
        c, List.of(new Expected(at.kind(), at.file(), at.line(), at.column(), NARROWING)));
  }
}
