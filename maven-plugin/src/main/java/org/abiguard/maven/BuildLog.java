package org.abiguard.maven;

/** Where the plugin's parts report: Maven's log in a build, a list in tests. */
public interface BuildLog {
  void info(String message);

  void warn(String message);

  void error(String message);
}
