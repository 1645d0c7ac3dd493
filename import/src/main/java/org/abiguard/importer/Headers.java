package org.abiguard.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.abiguard.importer.c.Location;

/**
 * Names headers as an {@code #include <...>} through the {@code -I} directories would, and reads
 * their lines.
 */
final class Headers {
  private final List<Path> includeDirs;
  private final Map<String, List<String>> sourceLines = new HashMap<>();

  Headers(List<Path> includeDirs) {
    this.includeDirs = List.copyOf(includeDirs);
  }

  String display(Location l) {
    return header(l.file()) + ":" + l.line();
  }

  /**
   * A header as an {@code #include <...>} through the {@code -I} directories names it, else its
   * path.
   */
  String header(String file) {
    String f = file.startsWith("./") ? file.substring(2) : file;
    for (Path dir : includeDirs) {
      String prefix = dir.toAbsolutePath().normalize() + "/";
      if (f.startsWith(prefix)) {
        return f.substring(prefix.length());
      }
    }
    return f;
  }

  /**
   * The line of a header as written (comments and surrounding blanks removed), or {@code null} when
   * it cannot be read or holds more than one declaration's start.
   */
  String sourceLine(Location l) {
    if (l == null) {
      return null;
    }
    List<String> lines =
        sourceLines.computeIfAbsent(
            l.file(),
            f -> {
              try {
                return Files.readAllLines(Path.of(f));
              } catch (IOException | RuntimeException e) {
                return List.of();
              }
            });
    if (l.line() < 1 || l.line() > lines.size()) {
      return null;
    }
    String text =
        lines
            .get(l.line() - 1)
            .replaceAll("/\\*.*?\\*/", " ")
            .replaceAll("//.*", "")
            .replaceAll("/\\*.*", "")
            .strip()
            .replaceAll("\\s+", " ");
    return text.endsWith(";")
            && text.indexOf(';') == text.length() - 1
            && !text.contains("{")
            && !text.contains("}")
        ? text
        : null;
  }

  /** {@code {@code public/memory.h}, line 46}. */
  String javadocWhere(Location l) {
    return l == null
        ? "an unknown header"
        : "{@code " + header(l.file()).replace("*/", "*&#47;") + "}, line " + l.line();
  }
}
