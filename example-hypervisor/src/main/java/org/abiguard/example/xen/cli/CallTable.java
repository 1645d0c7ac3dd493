package org.abiguard.example.xen.cli;

import java.io.PrintStream;

/**
 * Prints hypercalls as a table: one row per call with its caller, sub-command, result and
 * decoded argument, and an indented row for what the call wrote back.
 */
final class CallTable {
  private static final String ROW = "%5s  %-4s %-22s %-14s %s%n";
  private static final String INDENT = " ".repeat(5 + 2 + 5 + 23 + 15);

  private final PrintStream out;

  CallTable(PrintStream out) {
    this.out = out;
  }

  void header() {
    out.printf(ROW, "line", "dom", "hypercall", "result", "argument (as the hypervisor decoded it)");
    out.printf(ROW, "----", "---", "---------", "------", "---------------------------------------");
  }

  void call(int line, String caller, String op, String result, String arguments) {
    out.printf(ROW, line, caller, op, result, arguments);
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
