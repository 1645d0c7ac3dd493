package org.abiguard.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@link ImportLog} that keeps every line, for assertions (and prints them for the test report).
 */
final class RecordingLog implements ImportLog {
  final List<String> infos = new ArrayList<>();
  final List<String> warnings = new ArrayList<>();
  final List<String> errors = new ArrayList<>();

  @Override
  public void info(String message) {
    infos.add(message);
    System.out.println(message);
  }

  @Override
  public void warn(String message) {
    warnings.add(message);
    System.out.println("warning: " + message);
  }

  @Override
  public void error(String message) {
    errors.add(message);
    System.out.println("error: " + message);
  }
}
