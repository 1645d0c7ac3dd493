package org.abiguard.benchmarks.compile;

import java.util.function.ToDoubleFunction;

/** The times measured of each run. */
enum Metric {
  /** Wall seconds of the whole javac process: what a user waits for. */
  WALL("wall", RunResult::wallSeconds),
  /** CPU seconds of the javac process, all threads (JIT, GC) and JVM start-up included. */
  CPU("CPU, process", RunResult::cpuSeconds),
  /** CPU seconds of the thread that ran javac: its own work, least disturbed by other load. */
  THREAD_CPU("CPU, javac thread", RunResult::threadCpuSeconds);

  final String label;
  final ToDoubleFunction<RunResult> value;

  Metric(String label, ToDoubleFunction<RunResult> value) {
    this.label = label;
    this.value = value;
  }
}
