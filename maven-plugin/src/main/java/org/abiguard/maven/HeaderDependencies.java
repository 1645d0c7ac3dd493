package org.abiguard.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every file the headers read, as the C compiler's preprocessor lists it ({@code -M}): the named
 * headers and all they include, so that a change in any of them is seen.
 */
final class HeaderDependencies {
  private HeaderDependencies() {}

  /**
   * The files {@code headers} read when compiled by {@code compiler} with {@code -I}/{@code -D}
   * flags {@code flags}, or empty when the compiler cannot say (missing, or a header that does not
   * preprocess: the import will report that itself).
   *
   * @param workDir where the empty translation unit that includes the headers is written
   */
  static Optional<List<Path>> of(
      List<String> compiler, List<String> flags, List<String> headers, Path basedir, Path workDir)
      throws IOException {
    if (compiler.isEmpty() || Executables.find(compiler.get(0)).isEmpty()) {
      return Optional.empty();
    }
    Files.createDirectories(workDir);
    Path unit = workDir.resolve("headers.c");
    StringBuilder source =
        new StringBuilder("/* abiguard import: which files do the headers read? */\n");
    for (String header : headers) {
      Path p = basedir.resolve(header);
      source
          .append("#include \"")
          .append(
              Files.isRegularFile(p)
                  ? p.toAbsolutePath()
                      .normalize()
                      .toString()
                      .replace("\\", "\\\\")
                      .replace("\"", "\\\"")
                  : header)
          .append("\"\n");
    }
    Files.writeString(unit, source.toString(), StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>(compiler);
    command.addAll(flags);
    command.addAll(List.of("-M", unit.toString()));
    Processes.Outcome outcome = Processes.run(command, basedir, 120);
    if (!outcome.succeeded()) {
      return Optional.empty();
    }
    List<Path> files = new ArrayList<>();
    for (String name : parseRule(outcome.output())) {
      Path p = basedir.resolve(name).toAbsolutePath().normalize();
      if (!p.equals(unit.toAbsolutePath().normalize())) {
        files.add(p);
      }
    }
    return Optional.of(files);
  }

  /**
   * The prerequisites of a make rule {@code target: a b \\ c}, with {@code \ } as an escaped space.
   */
  static List<String> parseRule(String rule) {
    String text = rule.replace("\\\r\n", " ").replace("\\\n", " ");
    int colon = text.indexOf(": ");
    if (colon < 0) {
      return List.of();
    }
    Set<String> names = new LinkedHashSet<>();
    StringBuilder current = new StringBuilder();
    String rest = text.substring(colon + 2);
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '\\' && i + 1 < rest.length() && rest.charAt(i + 1) == ' ') {
        current.append(' ');
        i++;
      } else if (Character.isWhitespace(c)) {
        if (current.length() > 0) {
          names.add(current.toString());
          current.setLength(0);
        }
      } else {
        current.append(c);
      }
    }
    if (current.length() > 0) {
      names.add(current.toString());
    }
    return List.copyOf(names);
  }
}
