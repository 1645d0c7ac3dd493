package org.abiguard.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds commands the way a shell does: a name on {@code PATH}, or a path. */
final class Executables {
  private Executables() {}

  /** The executable {@code command} names, if there is one. */
  static Optional<Path> find(String command) {
    return find(command, System.getenv("PATH"));
  }

  static Optional<Path> find(String command, String pathVariable) {
    if (command.contains("/") || command.contains(File.separator)) {
      Path p = Path.of(command);
      return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    if (pathVariable == null) {
      return Optional.empty();
    }
    for (String dir : pathVariable.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path p = Path.of(dir, command);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
