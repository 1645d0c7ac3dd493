package org.abiguard.processor;

import static org.abiguard.processor.Expected.assertExactly;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * javac's multi-module mode ({@code --module-source-path}, several modules in one compilation) has
 * a class output per module: the manifest and the C assertions of the whole compilation go to the
 * module that {@code --default-module-for-created-files} names, and without it the error says to
 * name one.
 */
class MultiModuleTest {
  @Test
  void withoutADefaultModuleTheFilesOfTheCompilationAreOneErrorThatSaysWhatToPass(@TempDir Path dir)
      throws IOException {
    assertExactly(
        compile(dir, List.of()),
        Expected.error(
            "[abiguard] cannot write "
                + StructOutputs.MANIFEST
                + ", "
                + StructOutputs.ASSERTS
                + ", "
                + StructOutputs.CHECK
                + " to the class output: javax.annotation.processing.FilerException: No module"
                + " specified and the location is either a module-oriented location, or a"
                + " multi-module output location"
                + StructOutputs.MULTI_MODULE_HINT));
  }

  @Test
  void theDefaultModuleForCreatedFilesGetsThemAll(@TempDir Path dir) throws IOException {
    assertExactly(compile(dir, List.of("--default-module-for-created-files=b")));
    Path out = dir.resolve("out/b");
    String manifest = Files.readString(out.resolve(StructOutputs.MANIFEST));
    assertTrue(manifest.contains("\"java\": \"pa.Inner\""), manifest);
    assertTrue(manifest.contains("\"java\": \"pb.Outer\""), manifest);
    assertTrue(Files.readString(out.resolve(StructOutputs.ASSERTS)).contains("_Static_assert"));
    assertTrue(Files.isRegularFile(dir.resolve("out/a/pa/InnerMarshaller.class")));
    assertTrue(Files.isRegularFile(dir.resolve("out/b/pb/OuterMarshaller.class")));
  }

  /**
   * Compiles module {@code a} (struct {@code pa.Inner}, its package exported) and module {@code b}
   * (struct {@code pb.Outer}, which nests it) in one multi-module compilation.
   */
  private static List<Diagnostic<? extends JavaFileObject>> compile(Path dir, List<String> more)
      throws IOException {
    Path src = dir.resolve("src");
    write(
        src.resolve("a/module-info.java"),
        "module a {\n  requires transitive org.abiguard;\n  requires static transitive"
            + " java.compiler;\n\n  exports pa;\n}\n");
    write(
        src.resolve("a/pa/Inner.java"),
        "package pa;\n\nimport org.abiguard.*;\n\n@AbiStruct(name = \"inner\")\npublic class Inner"
            + " {\n  public Inner() {}\n\n  @U32 public long space;\n}\n");
    write(
        src.resolve("b/module-info.java"),
        "module b {\n  requires a;\n  requires static java.compiler;\n}\n");
    write(
        src.resolve("b/pb/Outer.java"),
        "package pb;\n\nimport org.abiguard.*;\nimport pa.Inner;\n\n@AbiStruct(name = \"outer\")\n"
            + "class Outer {\n  @U16 int x;\n  Inner inner = new Inner();\n}\n");
    List<String> options =
        new ArrayList<>(
            List.of(
                "-Xlint:all",
                "-Xlint:-processing",
                "--module-source-path",
                src.toString(),
                "--module-path",
                Compile.annotationsModule().toString(),
                "-d",
                dir.resolve("out").toString()));
    options.addAll(more);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      List<Path> sources;
      try (var walk = Files.walk(src)) {
        sources = walk.filter(p -> p.toString().endsWith(".java")).toList();
      }
      JavaCompiler.CompilationTask task =
          javac.getTask(
              null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources));
      task.setProcessors(List.of(new AbiGuardProcessor()));
      task.call();
    }
    return diagnostics.getDiagnostics();
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
