package org.abiguard.benchmarks.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a processor that claims every annotation ({@code "*"}, as abiguard does) and does nothing:
 * the floor of any processor's compile cost, measured as {@link CompileConfig#EMPTY}.
 */
final class EmptyProcessor {
  private static final String NAME = "harness.empty.EmptyProcessor";

  private static final String SOURCE =
      """
      package harness.empty;

      import java.util.Set;
      import javax.annotation.processing.AbstractProcessor;
      import javax.annotation.processing.RoundEnvironment;
      import javax.annotation.processing.SupportedAnnotationTypes;
      import javax.lang.model.SourceVersion;
      import javax.lang.model.element.TypeElement;

      /** Claims every annotation, like abiguard, and does nothing. */
      @SupportedAnnotationTypes("*")
      public final class EmptyProcessor extends AbstractProcessor {
        @Override
        public SourceVersion getSupportedSourceVersion() {
          return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
          return false;
        }
      }
      """;

  private EmptyProcessor() {}

  /** Compiles the processor under {@code work} and returns its processor path. */
  static Path build(Path work) throws IOException {
    Path root = work.resolve("empty-processor");
    JavacLauncher.deleteRecursively(root);
    Path source = root.resolve("src/harness/empty/EmptyProcessor.java");
    Path classes = root.resolve("classes");
    Files.createDirectories(source.getParent());
    Files.createDirectories(classes.resolve("META-INF/services"));
    Files.writeString(source, SOURCE, StandardCharsets.UTF_8);
    Files.writeString(
        classes.resolve("META-INF/services/javax.annotation.processing.Processor"),
        NAME + "\n",
        StandardCharsets.UTF_8);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args =
        List.of("--release", "17", "-proc:none", "-d", classes.toString(), source.toString());
    if (javac == null || javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
      throw new IOException("could not compile the empty processor " + source);
    }
    return classes;
  }
}
