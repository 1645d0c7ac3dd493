package org.abiguard.benchmarks.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a synthetic but realistic abiguard codebase: packages {@code gen.p000}, {@code gen.p001},
 * ... of {@value #STRUCTS_PER_PACKAGE} structs each (one in five a record), four typedef
 * annotations, a {@code Sinks} class, {@code OpsNN} classes of up to {@value #METHODS_PER_CLASS}
 * flow methods, and {@value #PLAIN_CLASSES} plain classes of {@value #PLAIN_METHODS} methods. The
 * same seeds give the same code, so two sizes differ only in how many packages they have.
 */
public final class CodebaseGenerator {
  static final int STRUCTS_PER_PACKAGE = 25;
  static final int METHODS_PER_CLASS = 25;
  static final int PLAIN_CLASSES = 5;
  static final int PLAIN_METHODS = 10;

  /** What was written. */
  public record Codebase(
      List<Path> sources, int structs, int flowMethods, int plainMethods, long lines) {}

  private final List<Path> sources = new ArrayList<>();
  private long lines;

  private CodebaseGenerator() {}

  /**
   * Writes {@code structs} structs (a positive multiple of {@value #STRUCTS_PER_PACKAGE}) and
   * {@code methods} flow methods under {@code root}, which must not exist or be empty.
   */
  public static Codebase generate(Path root, int structs, int methods) throws IOException {
    if (structs <= 0 || structs % STRUCTS_PER_PACKAGE != 0) {
      throw new IllegalArgumentException(
          "structs must be a positive multiple of " + STRUCTS_PER_PACKAGE + ": " + structs);
    }
    if (methods < 0) {
      throw new IllegalArgumentException("methods must not be negative: " + methods);
    }
    int packages = structs / STRUCTS_PER_PACKAGE;
    CodebaseGenerator generator = new CodebaseGenerator();
    for (int p = 0; p < packages; p++) {
      int share = methods / packages + (p < methods % packages ? 1 : 0);
      generator.writePackage(root, p, packages, share);
    }
    return new Codebase(
        List.copyOf(generator.sources),
        structs,
        methods,
        packages * PLAIN_CLASSES * PLAIN_METHODS,
        generator.lines);
  }

  private void writePackage(Path root, int p, int packages, int methods) throws IOException {
    String pkg = packageName(p);
    Path dir = root.resolve(pkg.replace('.', '/'));
    Files.createDirectories(dir);
    for (String[] typedef : StructSources.TYPEDEFS) {
      write(dir, typedef[0], StructSources.typedef(pkg, typedef));
    }
    List<String> nesting = new ArrayList<>();
    List<String> classes = new ArrayList<>();
    List<String> records = new ArrayList<>();
    for (int i = 0; i < STRUCTS_PER_PACKAGE; i++) {
      write(dir, StructSources.name(i), StructSources.struct(pkg, p, i));
      if (StructSources.isRecord(i)) {
        records.add(StructSources.name(i));
      } else {
        classes.add(StructSources.name(i));
        if (StructSources.hasInner(i)) {
          nesting.add(StructSources.name(i));
        }
      }
    }
    write(dir, "Sinks", FlowSources.sinks(pkg));
    String other = packageName((p + 1) % packages);
    for (int j = 0; j * METHODS_PER_CLASS < methods; j++) {
      String ops = String.format("Ops%02d", j);
      int count = Math.min(METHODS_PER_CLASS, methods - j * METHODS_PER_CLASS);
      String source =
          FlowSources.ops(
              pkg,
              ops,
              count,
              nesting.get(j % nesting.size()),
              classes.get((j * 7 + 3) % classes.size()),
              records.get(j % records.size()),
              other,
              1000L * p + j);
      write(dir, ops, source);
    }
    for (int j = 0; j < PLAIN_CLASSES; j++) {
      write(dir, "Plain" + j, PlainSources.plain(pkg, "Plain" + j, PLAIN_METHODS));
    }
  }

  private static String packageName(int p) {
    return String.format("gen.p%03d", p);
  }

  private void write(Path dir, String simpleName, String source) throws IOException {
    Path file = dir.resolve(simpleName + ".java");
    Files.writeString(file, source, StandardCharsets.UTF_8);
    sources.add(file);
    lines += source.lines().count();
  }
}
