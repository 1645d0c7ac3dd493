package org.abiguard.benchmarks.engine;

/**
 * What the prototype did in one compilation: methods (and lambdas) analysed, and the thread CPU
 * nanoseconds spent building CFGs and running the fixpoint. Failures are counted per method
 * and kept as the first few messages.
 */
final class EngineStats {
  int methods;
  int lambdas;
  long cfgNanos;
  long fixpointNanos;
  int cfgFailures;
  int analysisFailures;
  final java.util.List<String> failures = new java.util.ArrayList<>();

  void fail(boolean inCfg, String what, Throwable t) {
    if (inCfg) {
      cfgFailures++;
    } else {
      analysisFailures++;
    }
    if (failures.size() < 20) {
      failures.add((inCfg ? "CFG of " : "analysis of ") + what + ": " + t);
    }
  }
}
