package org.abiguard.benchmarks.compile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The real project: Guava's {@code -sources} jar from Maven Central, unpacked and compiled whole
 * (every {@code .java} file but {@code module-info.java}, which Guava compiles separately for Java
 * 9) with {@code --release 17} against its compile dependencies.
 *
 * <p>Guava's own build uses {@code --release 8}, but its sources call a few Java 9+ APIs guarded at
 * run time, which {@code --release 8} rejects; {@code --release 17} compiles all of it cleanly.
 */
public final class GuavaInput {
  /** The compile dependencies of Guava 33.4.8-jre, from its pom and its parent's. */
  static final List<String> DEPENDENCIES_33_4_8 =
      List.of(
          "com/google/guava/failureaccess/1.0.3/failureaccess-1.0.3.jar",
          "org/jspecify/jspecify/1.0.0/jspecify-1.0.0.jar",
          "com/google/errorprone/error_prone_annotations/2.36.0/error_prone_annotations-2.36.0.jar",
          "com/google/j2objc/j2objc-annotations/3.0.0/j2objc-annotations-3.0.0.jar");

  private GuavaInput() {}

  /**
   * Unpacks {@code sourcesJar} under {@code work} and returns the input. {@code classpath} is
   * Guava's compile class path, or empty to find the 33.4.8-jre dependencies in the local Maven
   * repository that holds {@code sourcesJar}.
   */
  public static CompileInput prepare(Path sourcesJar, List<Path> classpath, Path work)
      throws IOException {
    List<Path> dependencies = classpath.isEmpty() ? localDependencies(sourcesJar) : classpath;
    return project("guava", "Guava " + versionOf(sourcesJar), sourcesJar, dependencies, work);
  }

  /**
   * Another real project from its {@code -sources} jar (e.g. commons-lang3, which has no compile
   * dependency), compiled the same way: every file but {@code module-info.java}, {@code --release
   * 17}, against {@code classpath}.
   */
  public static CompileInput project(
      String name, String title, Path sourcesJar, List<Path> classpath, Path work)
      throws IOException {
    Path root = work.resolve(name + "-sources");
    JavacLauncher.deleteRecursively(root);
    List<Path> sources = unpack(sourcesJar, root);
    long lines = 0;
    for (Path source : sources) {
      try (Stream<String> text = Files.lines(source, StandardCharsets.UTF_8)) {
        lines += text.count();
      }
    }
    return new CompileInput(
        name,
        title
            + " sources jar from Maven Central, all "
            + sources.size()
            + " files but module-info.java, --release 17",
        sources,
        classpath,
        List.of("--release", "17", "-encoding", "UTF-8"),
        lines);
  }

  private static List<Path> localDependencies(Path sourcesJar) throws IOException {
    String file = sourcesJar.getFileName().toString();
    if (!file.equals("guava-33.4.8-jre-sources.jar")) {
      throw new IllegalArgumentException(
          "for " + file + " give Guava's compile class path with --guava-classpath");
    }
    // <repo>/com/google/guava/guava/<version>/<file>
    Path repository =
        sourcesJar
            .toAbsolutePath()
            .getParent()
            .getParent()
            .getParent()
            .getParent()
            .getParent()
            .getParent();
    List<Path> jars = new ArrayList<>();
    for (String dependency : DEPENDENCIES_33_4_8) {
      Path jar = repository.resolve(dependency);
      if (!Files.isRegularFile(jar)) {
        throw new IOException(
            jar
                + " is missing: fetch it with mvn dependency:get -Dartifact=<groupId>:<artifactId>:<version>"
                + " or give --guava-classpath");
      }
      jars.add(jar);
    }
    return jars;
  }

  private static String versionOf(Path sourcesJar) {
    String file = sourcesJar.getFileName().toString();
    return file.replaceFirst("^guava-", "").replaceFirst("-sources\\.jar$", "");
  }

  private static List<Path> unpack(Path jar, Path root) throws IOException {
    List<Path> sources = new ArrayList<>();
    Path normalizedRoot = root.toAbsolutePath().normalize();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        String name = entry.getName();
        if (entry.isDirectory() || !name.endsWith(".java") || name.endsWith("module-info.java")) {
          continue;
        }
        Path target = normalizedRoot.resolve(name).normalize();
        if (!target.startsWith(normalizedRoot)) {
          throw new IOException("entry outside the jar's root: " + name);
        }
        Files.createDirectories(target.getParent());
        copy(zip, target);
        sources.add(target);
      }
    }
    sources.sort(null);
    return sources;
  }

  private static void copy(InputStream in, Path target) throws IOException {
    Files.write(target, in.readAllBytes());
  }
}
