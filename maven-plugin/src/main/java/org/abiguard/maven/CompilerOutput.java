package org.abiguard.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A C compiler's output (gcc's and clang's format) split into its diagnostics: {@code
 * file:line:column: error: text}. Context lines ("In file included from", source excerpts, carets)
 * belong to no diagnostic and are dropped.
 */
final class CompilerOutput {
  private static final Pattern DIAGNOSTIC =
      Pattern.compile("^(.+?):(\\d+):(?:(\\d+):)? (fatal error|error|warning|note): (.*)$");
  private static final Pattern DRIVER_ERROR =
      Pattern.compile("^([^:\\s]+): (fatal error|error): (.*)$");

  /**
   * One diagnostic.
   *
   * @param file as the compiler wrote it ({@code <command-line>} or the driver's name for its own
   *     errors), or null for a linker error
   * @param line 0 when there is none
   * @param severity {@code fatal error}, {@code error}, {@code warning} or {@code note}
   */
  record Diagnostic(String file, int line, int column, String severity, String text) {
    boolean isError() {
      return severity.endsWith("error");
    }

    /** {@code abi-asserts.h:12: error: text}, the file by its name only. */
    String brief() {
      String where = file == null ? "" : fileName() + (line > 0 ? ":" + line : "") + ": ";
      return where + severity + ": " + text;
    }

    String fileName() {
      if (file == null) {
        return null;
      }
      int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
      return file.substring(slash + 1);
    }
  }

  private CompilerOutput() {}

  static List<Diagnostic> parse(String output) {
    List<Diagnostic> result = new ArrayList<>();
    for (String line : output.split("\\R")) {
      Matcher m = DIAGNOSTIC.matcher(line);
      if (m.matches()) {
        result.add(
            new Diagnostic(
                m.group(1),
                Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)),
                m.group(4),
                m.group(5)));
        continue;
      }
      Matcher d = DRIVER_ERROR.matcher(line);
      if (d.matches()) {
        result.add(new Diagnostic(d.group(1), 0, 0, d.group(2), d.group(3)));
      } else if (line.contains("ld returned")
          || line.startsWith("collect2")
          || line.contains("undefined reference")) {
        result.add(new Diagnostic(null, 0, 0, "error", line.trim()));
      }
    }
    return result;
  }
}
