package org.abiguard.benchmarks.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a processor generated in its last run of an input: the marshallers' sources (files, lines)
 * and their compiled classes (bytes of every class file, nested classes included, whose top-level
 * class is a generated source).
 *
 * @param marshallers generated {@code *Marshaller.java} files
 * @param sources generated {@code .java} files
 * @param lines lines of the generated {@code .java} files
 * @param classBytes bytes of the class files compiled from them
 */
record GeneratedWeight(int marshallers, int sources, long lines, long classBytes) {

  /**
   * The weight of what the last run in {@code runDirectory} (its {@code generated} and {@code
   * classes}) holds.
   */
  static GeneratedWeight of(Path runDirectory) throws IOException {
    Path generated = runDirectory.resolve("generated");
    Path classes = runDirectory.resolve("classes");
    Set<String> topLevel = new HashSet<>();
    int marshallers = 0;
    long lines = 0;
    List<Path> sources;
    try (Stream<Path> files = Files.walk(generated)) {
      sources = files.filter(f -> f.toString().endsWith(".java")).toList();
    }
    for (Path source : sources) {
      String relative = generated.relativize(source).toString();
      topLevel.add(relative.substring(0, relative.length() - ".java".length()));
      marshallers += source.getFileName().toString().endsWith("Marshaller.java") ? 1 : 0;
      try (Stream<String> text = Files.lines(source, StandardCharsets.UTF_8)) {
        lines += text.count();
      }
    }
    long bytes = 0;
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String relative = classes.relativize(file).toString();
        String name = relative.substring(0, relative.length() - ".class".length());
        int dollar = name.indexOf('$', name.lastIndexOf('/') + 1);
        if (topLevel.contains(dollar < 0 ? name : name.substring(0, dollar))) {
          bytes += Files.size(file);
        }
      }
    }
    return new GeneratedWeight(marshallers, sources.size(), lines, bytes);
  }
}
