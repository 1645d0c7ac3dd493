package org.abiguard.processor.guard;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import org.abiguard.processor.Compile;
import org.abiguard.processor.Expected;
import org.abiguard.processor.Expected.Source;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every program of the guard corpus ({@code src/test/resources/guard/corpus/**}, its format in
 * the README.md there) through {@link Compile} ({@code -Xlint:all}, as the other processor tests,
 * {@code auxiliaryclass} aside) and holds the diagnostics to the expectations written beside the
 * code with {@link Expected#assertExactlyContaining}: every expected diagnostic at its line and
 * column, and nothing else; a program without expectations compiles without any diagnostic.
 */
class GuardCorpusTest {
  private static final String CORPUS = "guard/corpus/";
  private static final String OPTIONS = "// OPTIONS:";
  private static final String JAVA = "// JAVA:";
  private static final String ALSO_STRICT = "// ALSO STRICT";

  /**
   * A corpus program is one file holding a struct and the code that uses it, so the struct is an
   * auxiliary class; its generated marshaller (another file) names it, which javac's {@code
   * auxiliaryclass} lint reports. Every other lint stays on.
   */
  private static final String ONE_FILE_PROGRAMS = "-Xlint:-auxiliaryclass";

  private static final Path ROOT = root();

  private static Path root() {
    try {
      return Paths.get(GuardCorpusTest.class.getClassLoader().getResource(CORPUS).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<String> corpus() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .map(f -> ROOT.relativize(f).toString().replace('\\', '/'))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void corpusProgram(String name) {
    Source source = Source.resource(CORPUS + name);
    String[] lines = source.text().split("\n", -1);
    List<String> options = new ArrayList<>(List.of(ONE_FILE_PROGRAMS));
    for (String line : lines) {
      String trimmed = line.trim();
      if (trimmed.startsWith(OPTIONS)) {
        options.addAll(List.of(trimmed.substring(OPTIONS.length()).trim().split("\\s+")));
      }
      if (trimmed.startsWith(JAVA)) {
        int release = Integer.parseInt(trimmed.substring(JAVA.length()).trim());
        Assumptions.assumeTrue(
            Runtime.version().feature() >= release,
            () ->
                name
                    + " needs javac "
                    + release
                    + " or newer; this is javac "
                    + Runtime.version().feature());
        options.addAll(List.of("--release", String.valueOf(release)));
      }
    }
    boolean warnings = options.contains("-Aabiguard.severity=warning");
    List<Expected> expected =
        expectations(source, lines, warnings ? Diagnostic.Kind.WARNING : Diagnostic.Kind.ERROR);
    check(options, source, expected, warnings);
    if (List.of(lines).stream().anyMatch(line -> line.trim().equals(ALSO_STRICT))) {
      List<String> strict = new ArrayList<>(options);
      strict.add("-Aabiguard.mode=strict");
      check(strict, source, expected, warnings);
    }
  }

  private static void check(
      List<String> options, Source source, List<Expected> expected, boolean warnings) {
    Compilation c = Compile.compiler(options).compile(source.file());
    if (expected.isEmpty() || warnings) {
      assertThat(c).succeeded();
    }
    Expected.assertExactlyContaining(c, expected);
  }

  /**
   * The diagnostics the comments expect: a {@code ^} in a comment marks the column on the nearest
   * line above that is not an expectation, and the text after it starts with {@code [abiguard:}.
   */
  private static List<Expected> expectations(Source source, String[] lines, Diagnostic.Kind kind) {
    List<Expected> expected = new ArrayList<>();
    int codeLine = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int caret = line.indexOf('^');
      if (line.trim().startsWith("//")
          && caret > line.indexOf("//")
          && line.substring(caret + 1).trim().startsWith("[abiguard:")) {
        expected.add(
            new Expected(
                kind,
                source.file().toUri().toString(),
                codeLine,
                caret + 1,
                line.substring(caret + 1).trim()));
      } else {
        codeLine = i + 1;
      }
    }
    return expected;
  }
}
