package org.abiguard.benchmarks.engine;

/**
 * One argument whose interval can exceed the range its width-annotated parameter accepts.
 *
 * @param file the source file's name
 * @param line 1-based line of the argument expression (javac's preferred position, where diagnostics point)
 * @param column 1-based column of the same position
 * @param callee the called method or constructor
 * @param parameter 0-based index of the parameter
 * @param value the argument's interval
 * @param accepted what the parameter accepts
 */
record SinkFinding(String file, long line, long column, String callee, int parameter, Interval value, Interval accepted) {
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + " argument " + (parameter + 1) + " of " + callee + ": " + value
        + " can exceed " + accepted;
  }
}
