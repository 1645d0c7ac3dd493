package org.abiguard.benchmarks.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One program of abiguard's guard corpus and what it expects, read as the processor's
 * {@code GuardCorpusTest} reads it: a comment line {@code //   ^[abiguard:kind] text} expects a
 * diagnostic at the caret's column on the nearest code line above; {@code // OPTIONS:} passes
 * processor options; {@code // JAVA: 21} asks for {@code --release 21} (and a javac that has it).
 */
record CorpusProgram(Path file, String name, List<Expectation> expected, boolean hasOptions, boolean suppresses,
    int release) {
  /** One expected diagnostic. */
  record Expectation(long line, long column, String text) {
    private static final Pattern ARGUMENT_SINK =
        Pattern.compile("can reach ((varargs )?parameter |record component )");

    /** Whether the sink is an argument of a call (what the prototype checks), not through a method reference. */
    boolean argumentSink() {
      return ARGUMENT_SINK.matcher(text).find() && !text.contains("method reference") && !text.contains("overrides");
    }

    boolean sign() {
      return text.startsWith("[abiguard:sign]");
    }
  }

  static CorpusProgram read(Path root, Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<Expectation> expected = new ArrayList<>();
    boolean options = false;
    boolean suppresses = false;
    int release = 17;
    int codeLine = 0;
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      String trimmed = l.trim();
      options |= trimmed.startsWith("// OPTIONS:");
      if (trimmed.startsWith("// JAVA:")) {
        release = Integer.parseInt(trimmed.substring("// JAVA:".length()).trim());
      }
      suppresses |= l.contains("@SuppressWarnings(\"abiguard");
      int caret = l.indexOf('^');
      if (trimmed.startsWith("//") && caret > l.indexOf("//") && l.substring(caret + 1).trim().startsWith("[abiguard:")) {
        expected.add(new Expectation(codeLine, caret + 1, l.substring(caret + 1).trim()));
      } else {
        codeLine = i + 1;
      }
    }
    return new CorpusProgram(file, root.relativize(file).toString().replace('\\', '/'), expected, options, suppresses, release);
  }

  /** The argument-sink expectations, the ones the prototype's verdict is compared with. */
  List<Expectation> argumentExpectations() {
    return expected.stream().filter(Expectation::argumentSink).toList();
  }

  /** Whether the prototype's verdict can be compared: default options, no suppression. */
  boolean comparable() {
    return !hasOptions && !suppresses;
  }
}
