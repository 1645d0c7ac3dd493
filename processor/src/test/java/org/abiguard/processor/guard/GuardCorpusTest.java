package org.abiguard.processor.guard;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.abiguard.processor.AbiGuardProcessor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every program of the guard corpus ({@code src/test/resources/guard/corpus/**}). A corpus
 * file says what it expects in comments, so it reads like code:
 *
 * <pre>
 *     xenmemAddToPhysmapOne(d, xatp.space, xatp.idx);
 *     //                       ^[abiguard:narrowing] field XenAddToPhysmap.space (u32) can reach
 * </pre>
 *
 * <p>The caret marks the column of the diagnostic on the nearest line above that is not an
 * expectation; the text after it must occur in the message. A file without expectations must
 * compile without any diagnostic. {@code // OPTIONS: -Aabiguard.mode=strict} on a line of its
 * own passes options; with {@code -Aabiguard.severity=warning} the expectations are warnings.
 * {@code // JAVA: 21} compiles the program with {@code --release 21} and skips it under an
 * older javac (record patterns and {@code when} guards are Java 21).
 */
class GuardCorpusTest {
  private static final Path ROOT = root();

  private static Path root() {
    try {
      return Paths.get(GuardCorpusTest.class.getClassLoader().getResource("guard/corpus").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<String> corpus() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files.filter(f -> f.toString().endsWith(".java"))
          .map(f -> ROOT.relativize(f).toString().replace('\\', '/'))
          .sorted()
          .toList()
          .stream();
    }
  }

  /** One expected diagnostic. */
  record Expectation(int line, int column, String text) {}

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void corpusProgram(String name) throws IOException {
    List<String> lines = Files.readAllLines(ROOT.resolve(name));
    List<String> options = new ArrayList<>();
    List<Expectation> expected = new ArrayList<>();
    int codeLine = 0;
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      String trimmed = l.trim();
      if (trimmed.startsWith("// OPTIONS:")) {
        options.addAll(List.of(trimmed.substring("// OPTIONS:".length()).trim().split("\\s+")));
      }
      if (trimmed.startsWith("// JAVA:")) {
        int release = Integer.parseInt(trimmed.substring("// JAVA:".length()).trim());
        Assumptions.assumeTrue(Runtime.version().feature() >= release,
            () -> name + " needs javac " + release + " or newer; this is javac " + Runtime.version().feature());
        options.addAll(List.of("--release", String.valueOf(release)));
      }
      int caret = l.indexOf('^');
      if (trimmed.startsWith("//") && caret > l.indexOf("//") && l.substring(caret + 1).trim().startsWith("[abiguard:")) {
        expected.add(new Expectation(codeLine, caret + 1, l.substring(caret + 1).trim()));
      } else {
        codeLine = i + 1;
      }
    }
    JavaFileObject source = JavaFileObjects.forResource("guard/corpus/" + name);
    Compilation c = Compiler.javac().withProcessors(new AbiGuardProcessor()).withOptions(options).compile(source);
    boolean warnings = options.contains("-Aabiguard.severity=warning");
    if (expected.isEmpty()) {
      assertThat(c).succeededWithoutWarnings();
      return;
    }
    for (Expectation e : expected) {
      if (warnings) {
        assertThat(c).hadWarningContaining(e.text()).inFile(source).onLine(e.line()).atColumn(e.column());
      } else {
        assertThat(c).hadErrorContaining(e.text()).inFile(source).onLine(e.line()).atColumn(e.column());
      }
    }
    if (warnings) {
      assertThat(c).succeeded();
      assertThat(c).hadWarningCount(expected.size());
    } else {
      assertThat(c).hadErrorCount(expected.size());
      assertThat(c).hadWarningCount(0);
    }
  }
}
