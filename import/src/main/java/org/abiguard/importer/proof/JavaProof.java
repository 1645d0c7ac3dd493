package org.abiguard.importer.proof;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.abiguard.AbiStruct;
import org.abiguard.processor.AbiGuardProcessor;

/**
 * Compiles the mirrors with abiguard in-process (javax.tools, the processor instance on the
 * processor path, {@code -Aabiguard.abis}), so the processor lays out each mirror for every ABI and
 * writes {@code abi-asserts.h} (and {@code abi-check.c}) to the class output.
 */
public final class JavaProof {
  /**
   * The compilation's outcome: errors by source file (relative path), errors with no file, the
   * class output.
   */
  public record Result(
      Map<String, List<String>> errorsByFile,
      List<String> otherErrors,
      List<String> warnings,
      Path classes) {}

  private JavaProof() {}

  /**
   * @param sourceRoot the root the sources are written under
   * @param sources their paths relative to {@code sourceRoot}
   */
  public static Result compile(Path sourceRoot, List<String> sources, List<String> abis, Path work)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IOException(
          "no Java compiler in this runtime (run the importer with a JDK, not a JRE)");
    }
    Path classes = Files.createDirectories(work.resolve("classes"));
    Path generated = Files.createDirectories(work.resolve("generated"));
    DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diags, Locale.ROOT, null)) {
      List<Path> files = new ArrayList<>();
      for (String s : sources) {
        files.add(sourceRoot.resolve(s));
      }
      List<String> options =
          List.of(
              "-classpath",
              annotationsPath(),
              "-d",
              classes.toString(),
              "-s",
              generated.toString(),
              "-implicit:none",
              "-Xlint:all,-processing",
              "-Aabiguard.abis=" + String.join(",", abis));
      JavaCompiler.CompilationTask task =
          javac.getTask(
              new StringWriter(), fm, diags, options, null, fm.getJavaFileObjectsFromPaths(files));
      task.setProcessors(List.of(new AbiGuardProcessor()));
      try {
        task.call();
      } catch (RuntimeException e) {
        return new Result(Map.of(), List.of("javac or abiguard failed: " + e), List.of(), classes);
      }
    }
    Map<String, List<String>> byFile = new LinkedHashMap<>();
    List<String> other = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.WARNING
          || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
        warnings.add(
            (d.getSource() == null
                    ? ""
                    : Path.of(d.getSource().toUri()).getFileName() + ":" + d.getLineNumber() + ": ")
                + d.getMessage(Locale.ROOT));
        continue;
      }
      if (d.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      String message = d.getMessage(Locale.ROOT);
      if (d.getSource() == null) {
        other.add(message);
        continue;
      }
      Path file = Path.of(d.getSource().toUri());
      String key =
          file.startsWith(sourceRoot) ? sourceRoot.relativize(file).toString() : file.toString();
      byFile
          .computeIfAbsent(key, k -> new ArrayList<>())
          .add("line " + d.getLineNumber() + ": " + message);
    }
    return new Result(byFile, other, warnings, classes);
  }

  /** Where the annotations are (a jar, or a class directory in tests). */
  private static String annotationsPath() throws IOException {
    try {
      return Path.of(AbiStruct.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException | RuntimeException e) {
      throw new IOException("cannot locate the abiguard annotations: " + e, e);
    }
  }
}
