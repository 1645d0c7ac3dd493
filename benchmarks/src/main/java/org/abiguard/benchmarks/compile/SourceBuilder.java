package org.abiguard.benchmarks.compile;

/** Builds the text of one Java source file line by line, with two-space indentation. */
final class SourceBuilder {
  private final StringBuilder text = new StringBuilder();
  private int depth;

  /** A builder that starts with {@code package pkg;} and imports of {@code imports}, in order. */
  static SourceBuilder file(String pkg, String... imports) {
    SourceBuilder b = new SourceBuilder().line("package " + pkg + ";").blank();
    for (String type : imports) {
      b.line("import " + type + ";");
    }
    return imports.length == 0 ? b : b.blank();
  }

  /** Appends one line at the current indentation. */
  SourceBuilder line(String line) {
    if (!line.isEmpty()) {
      text.append("  ".repeat(depth));
    }
    text.append(line).append('\n');
    return this;
  }

  /** Appends a line ending in {@code {} and indents what follows. */
  SourceBuilder open(String line) {
    line(line + " {");
    depth++;
    return this;
  }

  /** Dedents and appends {@code }}. */
  SourceBuilder close() {
    depth--;
    return line("}");
  }

  /** Closes a block and opens the next one on the same line: {@code } catch (E e) {}. */
  SourceBuilder next(String header) {
    depth--;
    line("} " + header + " {");
    depth++;
    return this;
  }

  /** Appends an empty line. */
  SourceBuilder blank() {
    return line("");
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
