package org.abiguard.maven;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds class outputs the way a user's build does: javac with abiguard's processor. */
final class Mirrors {
  private Mirrors() {}

  /**
   * Compiles {@code sources} (Java path → text) with the processor into {@code dir/classes} and
   * returns that directory, which then holds the manifest and {@code abi-asserts.h}.
   */
  static Path compile(Path dir, String abis, Map<String, String> sources) throws IOException {
    Path src = Files.createDirectories(dir.resolve("src"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    List<String> options =
        List.of(
            "-d",
            classes.toString(),
            "-s",
            Files.createDirectories(dir.resolve("generated")).toString(),
            "-classpath",
            System.getProperty("java.class.path"),
            // an explicit processor path: since JDK 23 javac ignores processors that are only on
            // the class path
            "-processorpath",
            System.getProperty("java.class.path"),
            "-Aabiguard.abis=" + abis,
            "--release",
            "17");
    List<String> files = new ArrayList<>();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      Path file = src.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue());
      files.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter out = new StringWriter();
    boolean ok =
        javac
            .getTask(
                out,
                null,
                null,
                options,
                null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjectsFromStrings(files))
            .call();
    assertTrue(ok, "javac failed:\n" + out);
    return classes;
  }
}
