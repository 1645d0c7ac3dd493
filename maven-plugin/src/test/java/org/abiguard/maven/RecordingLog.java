package org.abiguard.maven;

import java.util.ArrayList;
import java.util.List;

/** A log that keeps what it was told, by level. */
final class RecordingLog implements BuildLog {
  final List<String> infos = new ArrayList<>();
  final List<String> warnings = new ArrayList<>();
  final List<String> errors = new ArrayList<>();

  @Override
  public void info(String message) {
    infos.add(message);
  }

  @Override
  public void warn(String message) {
    warnings.add(message);
  }

  @Override
  public void error(String message) {
    errors.add(message);
  }

  @Override
  public String toString() {
    return "infos=" + infos + "\nwarnings=" + warnings + "\nerrors=" + errors;
  }
}
