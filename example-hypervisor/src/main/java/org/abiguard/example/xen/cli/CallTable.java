package org.abiguard.example.xen.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints hypercalls as a table: one row per call with its caller, sub-command, result and decoded
 * argument, and an indented row for what the call wrote back.
 */
final class CallTable {
  private static final String ROW = "%5s  %-4s %-22s %-14s %s%n";
  private static final String INDENT = " ".repeat(5 + 2 + 5 + 23 + 15);

  /** Width of the argument column before it wraps. */
  static final int ARGUMENT_WIDTH = 72;

  private final PrintStream out;

  CallTable(PrintStream out) {
    this.out = out;
  }

  void header() {
    out.printf(
        ROW, "line", "dom", "hypercall", "result", "argument (as the hypervisor decoded it)");
    out.printf(
        ROW, "----", "---", "---------", "------", "---------------------------------------");
  }

  void call(int line, String caller, String op, String result, String arguments) {
    List<String> lines = wrap(arguments);
    out.printf(ROW, line, caller, op, result, lines.get(0));
    for (String more : lines.subList(1, lines.size())) {
      out.println(INDENT + more);
    }
  }

  /**
   * Splits {@code key=value ...} into lines of at most {@link #ARGUMENT_WIDTH} characters (longer
   * only for a single field), breaking between fields: a {@code [...]} list stays with the field
   * before it.
   */
  static List<String> wrap(String text) {
    List<String> fields = new ArrayList<>();
    int start = 0;
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      } else if (c == ' ' && depth == 0 && i + 1 < text.length() && text.charAt(i + 1) != '[') {
        fields.add(text.substring(start, i));
        start = i + 1;
      }
    }
    fields.add(text.substring(start));
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String f : fields) {
      if (line.length() > 0 && line.length() + 1 + f.length() > ARGUMENT_WIDTH) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(f);
    }
    lines.add(line.toString());
    return lines;
  }

  void detail(String text) {
    if (!text.isEmpty()) {
      out.println(INDENT + "=> " + text);
    }
  }

  void note(String text) {
    out.println(INDENT + text);
  }

  void title(String text) {
    out.println();
    out.println(text);
    out.println("=".repeat(text.length()));
  }

  void line(String text) {
    out.println(text);
  }
}
