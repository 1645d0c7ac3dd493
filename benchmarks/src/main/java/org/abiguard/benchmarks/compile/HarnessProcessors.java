package org.abiguard.benchmarks.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds the processors that bound abiguard's cost from below, each on a processor path of its own
 * and found like abiguard, through {@code META-INF/services}:
 *
 * <ul>
 *   <li>the empty processor ({@link CompileConfig#EMPTY}): claims every annotation ({@code "*"}, as
 *       abiguard does) and does nothing, the floor of any processor's cost;
 *   <li>the replay processor ({@link CompileConfig#REPLAY}): claims every annotation and, in its
 *       first round, writes through javac's {@code Filer} the sources abiguard generated for the
 *       input (read from {@code -Aharness.replay=DIR}), doing nothing else: the floor of any
 *       processor that writes those files, with no reading of mirrors, no layout, no code
 *       generation and no flow guard.
 * </ul>
 */
final class HarnessProcessors {
  /** The option that names the directory of sources the replay processor writes. */
  static final String REPLAY_OPTION = "harness.replay";

  private static final String EMPTY_NAME = "harness.empty.EmptyProcessor";

  private static final String EMPTY_SOURCE =
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

  private static final String REPLAY_NAME = "harness.replay.ReplayProcessor";

  private static final String REPLAY_SOURCE =
      """
      package harness.replay;

      import java.io.File;
      import java.io.IOException;
      import java.io.UncheckedIOException;
      import java.io.Writer;
      import java.nio.charset.StandardCharsets;
      import java.nio.file.Files;
      import java.nio.file.Path;
      import java.util.Set;
      import java.util.stream.Stream;
      import javax.annotation.processing.AbstractProcessor;
      import javax.annotation.processing.RoundEnvironment;
      import javax.annotation.processing.SupportedAnnotationTypes;
      import javax.annotation.processing.SupportedOptions;
      import javax.lang.model.SourceVersion;
      import javax.lang.model.element.TypeElement;

      /**
       * Claims every annotation, like abiguard, and in its first round writes every source under
       * -Aharness.replay=DIR through the Filer, as abiguard wrote them; nothing else.
       */
      @SupportedAnnotationTypes("*")
      @SupportedOptions("harness.replay")
      public final class ReplayProcessor extends AbstractProcessor {
        private boolean written;

        @Override
        public SourceVersion getSupportedSourceVersion() {
          return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
          if (written) {
            return false;
          }
          written = true;
          Path root = Path.of(processingEnv.getOptions().get("harness.replay"));
          try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
              String relative = root.relativize(file).toString();
              String name =
                  relative
                      .substring(0, relative.length() - ".java".length())
                      .replace(File.separatorChar, '.');
              try (Writer out = processingEnv.getFiler().createSourceFile(name).openWriter()) {
                out.write(Files.readString(file, StandardCharsets.UTF_8));
              }
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return false;
        }
      }
      """;

  private HarnessProcessors() {}

  /** Compiles the empty processor under {@code work} and returns its processor path. */
  static Path empty(Path work) throws IOException {
    return build(work.resolve("empty-processor"), EMPTY_NAME, EMPTY_SOURCE);
  }

  /** Compiles the replay processor under {@code work} and returns its processor path. */
  static Path replay(Path work) throws IOException {
    return build(work.resolve("replay-processor"), REPLAY_NAME, REPLAY_SOURCE);
  }

  private static Path build(Path root, String name, String text) throws IOException {
    JavacLauncher.deleteRecursively(root);
    Path source = root.resolve("src").resolve(name.replace('.', '/') + ".java");
    Path classes = root.resolve("classes");
    Files.createDirectories(source.getParent());
    Files.createDirectories(classes.resolve("META-INF/services"));
    Files.writeString(source, text, StandardCharsets.UTF_8);
    Files.writeString(
        classes.resolve("META-INF/services/javax.annotation.processing.Processor"),
        name + "\n",
        StandardCharsets.UTF_8);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args =
        List.of("--release", "17", "-proc:none", "-d", classes.toString(), source.toString());
    if (javac == null || javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
      throw new IOException("could not compile the processor " + source);
    }
    return classes;
  }
}
