package org.abiguard.example.xen.cli;

/** A trace the runner cannot parse or execute, with the line that says so. */
public final class TraceException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;

  /**
   * @param source the trace's name (a file name)
   * @param line the 1-based line number
   * @param message what is wrong, for people
   */
  public TraceException(String source, int line, String message) {
    super(source + ":" + line + ": " + message);
    this.source = source;
    this.line = line;
  }

  /** The trace's name. */
  public String source() {
    return source;
  }

  /** The 1-based line number. */
  public int line() {
    return line;
  }
}
