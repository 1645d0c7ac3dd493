package org.abiguard.processor.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.abiguard.processor.Expected;
import org.abiguard.processor.Expected.Source;
import org.junit.jupiter.api.Test;

/**
 * The guard fails closed: an internal error inside the analysis of one method is an {@code
 * [abiguard]} error on that method, naming it and carrying the stack trace; the other methods are
 * still checked; {@code -Aabiguard.severity=warning} demotes it and
 * {@code @SuppressWarnings("abiguard")} on the method silences it.
 */
class GuardFailsClosedTest {
  private static final Source TWO_METHODS =
      Source.of(
          "p.TwoMethods",
          """
      package p;

      import org.abiguard.U16;
      import org.abiguard.U32;

      class TwoMethods {
        static void put(@U16 int v) {}

        static void boom(@U32 int wide) {
          put(wide);
        }

        static void fine(@U32 int wide) { put(wide); }
      }
      """);

  private static final Source SUPPRESSED =
      Source.of(
          "p.Suppressed",
          """
      package p;

      import org.abiguard.U16;
      import org.abiguard.U32;

      class Suppressed {
        static void put(@U16 int v) {}

        @SuppressWarnings("abiguard")
        static void boom(@U32 int wide) {
          put(wide);
        }

        @SuppressWarnings("abiguard:narrowing")
        static void boomToo(@U32 int wide) {
          put(wide);
        }
      }
      """);

  private static final String FIRST_LINE =
      "[abiguard] internal error in the flow guard: method boom of p.TwoMethods"
          + " is not checked (java.lang.IllegalStateException: injected failure). Please report this to the abiguard"
          + " maintainers with the stack trace below; until it is fixed, @SuppressWarnings(\"abiguard\") on it"
          + " accepts it unchecked.";

  /**
   * The first line of the narrowing in {@code fine}: the summary (its fixes follow on the next
   * lines).
   */
  private static final String NARROWING =
      "[abiguard:narrowing] parameter 'wide' of fine (u32) can reach"
          + " parameter 'v' of put (u16): values 0x10000..0xFFFFFFFF would be truncated";

  /** Fails the analysis of every method named {@code boom...}. */
  private static final AnalysisObserver FAILING =
      name -> {
        if (name.startsWith("boom")) {
          throw new IllegalStateException("injected failure");
        }
      };

  private static Compilation compile(boolean warningsOnly, Source source) {
    return Compiler.javac()
        .withProcessors(GuardOnlyProcessor.observing(FAILING))
        .withOptions(warningsOnly ? List.of("-Aabiguard.severity=warning") : List.of())
        .compile(source.file());
  }

  /** The diagnostics of a compilation with each message cut to its first line and its docs link. */
  private static List<Diagnostic<? extends JavaFileObject>> firstLines(Compilation c) {
    return c.diagnostics().stream()
        .<Diagnostic<? extends JavaFileObject>>map(d -> new FirstLine(d))
        .toList();
  }

  private record FirstLine(Diagnostic<? extends JavaFileObject> d)
      implements Diagnostic<JavaFileObject> {
    @Override
    public Kind getKind() {
      return d.getKind();
    }

    @Override
    public JavaFileObject getSource() {
      return d.getSource();
    }

    @Override
    public long getPosition() {
      return d.getPosition();
    }

    @Override
    public long getStartPosition() {
      return d.getStartPosition();
    }

    @Override
    public long getEndPosition() {
      return d.getEndPosition();
    }

    @Override
    public long getLineNumber() {
      return d.getLineNumber();
    }

    @Override
    public long getColumnNumber() {
      return d.getColumnNumber();
    }

    @Override
    public String getCode() {
      return d.getCode();
    }

    @Override
    public String getMessage(Locale locale) {
      // the summary line and the docs link (the last line); the fixes and stack trace between are
      // cut
      List<String> lines = d.getMessage(locale).lines().toList();
      String last = lines.get(lines.size() - 1);
      return lines.size() > 1 && last.trim().startsWith("(see ")
          ? lines.get(0) + "\n" + last
          : lines.get(0);
    }
  }

  @Test
  void anInternalErrorIsAnErrorOnTheMethodAndTheOtherMethodsAreStillChecked() {
    Compilation c = compile(false, TWO_METHODS);
    Expected.assertExactly(
        firstLines(c),
        TWO_METHODS.error("static void boom", "boom", FIRST_LINE),
        TWO_METHODS.error("static void fine", "wide); }", NARROWING));
  }

  @Test
  void theMessageCarriesTheStackTraceDownToTheGuardsEntryPoint() {
    Compilation c = compile(false, TWO_METHODS);
    String message =
        c.errors().stream()
            .map(d -> d.getMessage(Locale.ROOT))
            .filter(m -> m.startsWith("[abiguard] internal error"))
            .findFirst()
            .orElseThrow();
    List<String> lines = message.lines().toList();
    assertTrue(
        lines.get(1).strip().startsWith("at org.abiguard.processor.guard.GuardFailsClosedTest"),
        lines.get(1));
    assertTrue(
        lines
            .get(lines.size() - 2)
            .strip()
            .startsWith("at org.abiguard.processor.guard.GuardListener.finished"),
        lines.get(lines.size() - 2));
    assertTrue(
        lines.get(lines.size() - 1).strip().startsWith("(see https://"),
        lines.get(lines.size() - 1));
  }

  @Test
  void severityWarningDemotesIt() {
    Compilation c = compile(true, TWO_METHODS);
    assertEquals(Compilation.Status.SUCCESS, c.status());
    Expected.assertExactly(
        firstLines(c),
        TWO_METHODS.at(Diagnostic.Kind.WARNING, "static void boom", "boom", FIRST_LINE),
        TWO_METHODS.at(Diagnostic.Kind.WARNING, "static void fine", "wide); }", NARROWING));
  }

  @Test
  void suppressWarningsAbiguardOnTheMethodSilencesItAndOneKindDoesNot() {
    Compilation c = compile(false, SUPPRESSED);
    Expected.assertExactly(
        firstLines(c),
        SUPPRESSED.error(
            "static void boomToo",
            "boomToo",
            "[abiguard] internal error in the flow guard: method boomToo of p.Suppressed is not checked"
                + " (java.lang.IllegalStateException: injected failure). Please report this to the abiguard"
                + " maintainers with the stack trace below; until it is fixed, @SuppressWarnings(\"abiguard\") on it"
                + " accepts it unchecked."));
  }
}
