package org.abiguard.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * One diagnostic a test expects, placed by text markers in its source: the line is the one
 * containing {@code lineMarker}, the column where {@code columnMarker} starts on that line. {@link
 * #assertExactly} compares ALL diagnostics of a compilation with the expected ones, so each test
 * also proves that nothing else was reported. Tests write an abiguard message as its first line
 * ({@code [abiguard:<kind>] text}); the expectation is the whole message abiguard reports, with the
 * last line linking the kind's page ({@link #withPage}).
 */
public record Expected(Diagnostic.Kind kind, String file, long line, long column, String message) {

  /** Where the kinds' pages are: {@code docs/<kind>.md} of the repository (see docs/README.md). */
  public static final String DOCS = "https://github.com/abiguard/abiguard/blob/main/docs/";

  private static final Pattern ABIGUARD_PREFIX = Pattern.compile("\\[abiguard(?::([a-z-]+))?\\] ");

  /**
   * The whole text of a message written as {@code [abiguard:<kind>] text} (or {@code [abiguard]
   * text}) as javac reports it: the message, then the Reporter's line linking {@code
   * docs/<kind>.md} (or {@code docs/abiguard.md}), which javac indents by two more spaces than the
   * Reporter wrote. A message without that prefix (javac's own) is returned as it is.
   */
  public static String withPage(String message) {
    Matcher prefix = ABIGUARD_PREFIX.matcher(message);
    if (!prefix.lookingAt()) {
      return message;
    }
    String page = prefix.group(1) == null ? "abiguard" : prefix.group(1);
    return message + "\n    (see " + DOCS + page + ".md)";
  }

  /** A source to compile, with its text at hand for the markers. */
  public record Source(String name, String text, JavaFileObject file) {
    /** A source from a text block; {@code name} is the canonical name of its top-level type. */
    public static Source of(String name, String text) {
      return new Source(name, text, JavaFileObjects.forSourceString(name, text));
    }

    /** A source under {@code src/test/resources}. */
    public static Source resource(String path) {
      JavaFileObject file = JavaFileObjects.forResource(path);
      try {
        return new Source(path, file.getCharContent(true).toString(), file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * An error on the line containing {@code lineMarker}, at the column where {@code columnMarker}
     * starts.
     */
    public Expected error(String lineMarker, String columnMarker, String message) {
      return at(Diagnostic.Kind.ERROR, lineMarker, columnMarker, message);
    }

    /** An error on the line containing {@code marker}, at the column where it starts. */
    public Expected error(String marker, String message) {
      return error(marker, marker, message);
    }

    /** A diagnostic of the given kind placed by markers. */
    public Expected at(
        Diagnostic.Kind kind, String lineMarker, String columnMarker, String message) {
      String[] lines = text.split("\n", -1);
      int found = -1;
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].contains(lineMarker)) {
          assertEquals(
              -1, found, "line marker '" + lineMarker + "' is on more than one line of " + name);
          found = i;
        }
      }
      assertTrue(found >= 0, "line marker '" + lineMarker + "' not in " + name);
      int column = lines[found].indexOf(columnMarker);
      assertTrue(
          column >= 0,
          "column marker '" + columnMarker + "' not on the line of '" + lineMarker + "'");
      return new Expected(kind, file.toUri().toString(), found + 1, column + 1, withPage(message));
    }
  }

  /** An error placed nowhere (about an option or an output). */
  public static Expected error(String message) {
    return new Expected(
        Diagnostic.Kind.ERROR, "-", Diagnostic.NOPOS, Diagnostic.NOPOS, withPage(message));
  }

  /**
   * Asserts that the compilation reported exactly these diagnostics (notes aside), in any order.
   */
  public static void assertExactly(Compilation compilation, Expected... expected) {
    assertExactly(compilation.diagnostics(), expected);
  }

  /** Asserts that the diagnostics are exactly these (notes aside), in any order. */
  public static void assertExactly(
      List<? extends Diagnostic<? extends JavaFileObject>> diagnostics, Expected... expected) {
    List<String> want = new ArrayList<>();
    for (Expected e : expected) {
      want.add(e.toString());
    }
    List<String> got = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
      if (d.getKind() != Diagnostic.Kind.NOTE) {
        got.add(of(d).toString());
      }
    }
    want.sort(null);
    got.sort(null);
    assertEquals(String.join("\n", want), String.join("\n", got));
  }

  /**
   * Asserts that the compilation reported exactly these diagnostics (notes aside), in any order,
   * where each expected message is text the reported one contains (for expectations written beside
   * the code, such as the guard corpus's): same kind, file, line and column, one reported
   * diagnostic per expectation and none besides.
   */
  public static void assertExactlyContaining(Compilation compilation, List<Expected> expected) {
    List<Expected> unmatched = new ArrayList<>(expected);
    // the longest texts first, so that a shorter text does not take a diagnostic a longer one needs
    unmatched.sort((a, b) -> Integer.compare(b.message().length(), a.message().length()));
    List<String> unexpected = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      if (d.getKind() == Diagnostic.Kind.NOTE) {
        continue;
      }
      Expected got = of(d);
      Expected match =
          unmatched.stream()
              .filter(
                  e ->
                      e.kind() == got.kind()
                          && e.file().equals(got.file())
                          && e.line() == got.line()
                          && e.column() == got.column()
                          && got.message().contains(e.message()))
              .findFirst()
              .orElse(null);
      if (match == null) {
        unexpected.add(got.toString());
      } else {
        unmatched.remove(match);
      }
    }
    List<String> missing = unmatched.stream().map(Expected::toString).sorted().toList();
    unexpected.sort(null);
    assertEquals(
        "",
        (missing.isEmpty() ? "" : "expected, not reported:\n" + String.join("\n", missing) + "\n")
            + (unexpected.isEmpty()
                ? ""
                : "reported, not expected:\n" + String.join("\n", unexpected) + "\n"));
  }

  private static Expected of(Diagnostic<? extends JavaFileObject> d) {
    String file = d.getSource() == null ? "-" : d.getSource().toUri().toString();
    return new Expected(
        d.getKind(), file, d.getLineNumber(), d.getColumnNumber(), d.getMessage(Locale.ROOT));
  }

  @Override
  public String toString() {
    return kind + " " + file + ":" + line + ":" + column + ": " + message;
  }
}
