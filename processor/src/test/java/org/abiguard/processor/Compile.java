package org.abiguard.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.abiguard.processor.Expected.Source;

/** Compiles test sources with the processor, as a user's build would. */
public final class Compile {
  private Compile() {}

  /**
   * javac with the processor and {@code -Xlint:all}, so generated code must be warning-free too
   * ({@code -processing} aside: javac warns that nobody claimed the annotations, since the
   * processor claims {@code "*"} but returns false to leave them to other processors).
   */
  public static Compilation javac(Source... sources) {
    return javac(List.of(), sources);
  }

  /** As {@link #javac(Source...)} with more options (e.g. {@code -Aabiguard.abis=...}). */
  public static Compilation javac(List<String> options, Source... sources) {
    return compiler(options).compile(files(sources));
  }

  /**
   * The configured compiler, for tests that add a class path or more processors (which run after
   * abiguard's).
   */
  public static Compiler compiler(List<String> options, Processor... more) {
    List<String> all = new ArrayList<>(List.of("-Xlint:all", "-Xlint:-processing"));
    all.addAll(options);
    List<Processor> processors = new ArrayList<>(List.of(new AbiGuardProcessor()));
    processors.addAll(List.of(more));
    return Compiler.javac().withProcessors(processors).withOptions(all);
  }

  /** The sources' file objects. */
  public static List<JavaFileObject> files(Source... sources) {
    return Arrays.stream(sources).map(Source::file).toList();
  }

  /**
   * Compiles with the system javac into {@code out} ({@code out/src} for generated sources, {@code
   * out/classes} for classes and resources) and returns the diagnostics. Unlike compile-testing,
   * the files generated before an error stay visible, so a test can see what a failed compilation
   * still produced.
   */
  public static List<Diagnostic<? extends JavaFileObject>> intoDirectory(
      Path out, Source... sources) throws IOException {
    return intoDirectory(out, List.of("-proc:only"), sources);
  }

  /**
   * As {@link #intoDirectory(Path, Source...)} with more options, and the generated sources
   * compiled too unless they say {@code -proc:only}. The system file manager, unlike
   * compile-testing's, compiles a {@code module-info} source as the module's declaration.
   */
  public static List<Diagnostic<? extends JavaFileObject>> intoDirectory(
      Path out, List<String> more, Source... sources) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Files.createDirectories(out.resolve("src"));
    Files.createDirectories(out.resolve("classes"));
    List<String> options = new ArrayList<>(List.of("-Xlint:all", "-Xlint:-processing"));
    options.addAll(more);
    options.addAll(
        List.of("-s", out.resolve("src").toString(), "-d", out.resolve("classes").toString()));
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      JavaCompiler.CompilationTask task =
          javac.getTask(null, files, diagnostics, options, null, files(sources));
      task.setProcessors(List.of(new AbiGuardProcessor()));
      task.call();
    }
    return diagnostics.getDiagnostics();
  }

  /**
   * The annotations module, {@code org.abiguard}, where the test's class path has it: the jar or
   * the classes directory, each with its {@code module-info.class}, for a {@code --module-path}.
   */
  public static Path annotationsModule() {
    try {
      return Path.of(
          org.abiguard.AbiStruct.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A struct {@code p.S} (a package-private class) with the given body. */
  public static Source struct(String body) {
    return Source.of(
        "p.S",
        """
        package p;

        import org.abiguard.*;

        @AbiStruct
        class S {
        %s
        }
        """
            .formatted(body));
  }
}
