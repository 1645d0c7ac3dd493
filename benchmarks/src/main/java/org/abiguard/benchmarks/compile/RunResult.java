package org.abiguard.benchmarks.compile;

import java.nio.file.Path;

/**
 * The outcome of one javac process.
 *
 * @param config how it compiled
 * @param wallSeconds wall time of the whole process, as the parent saw it
 * @param cpuSeconds CPU time of the process (all its threads, JVM start-up included)
 * @param threadCpuSeconds CPU time of the thread that ran javac
 * @param exitCode javac's exit code
 * @param abiguardDiagnostics lines of javac's output that carry an {@code [abiguard} message
 * @param errors javac's error count
 * @param warnings javac's warning count
 * @param generatedSources {@code .java} files written to the generated-sources directory
 * @param log javac's output
 */
record RunResult(
    CompileConfig config,
    double wallSeconds,
    double cpuSeconds,
    double threadCpuSeconds,
    int exitCode,
    int abiguardDiagnostics,
    int errors,
    int warnings,
    int generatedSources,
    Path log) {

  /** True if javac succeeded. */
  boolean succeeded() {
    return exitCode == 0;
  }
}
