package org.abiguard.benchmarks.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The measured runs of one input in both configurations, and their summary figures. */
final class Measurement {
  final CompileInput input;
  private final List<RunResult> runs = new ArrayList<>();

  Measurement(CompileInput input) {
    this.input = input;
  }

  void add(RunResult run) {
    runs.add(run);
  }

  List<RunResult> runs(CompileConfig config) {
    return runs.stream().filter(r -> r.config() == config).toList();
  }

  double medianWall(CompileConfig config) {
    return median(values(config, RunResult::wallSeconds));
  }

  double minWall(CompileConfig config) {
    return values(config, RunResult::wallSeconds)[0];
  }

  double medianCpu(CompileConfig config) {
    return median(values(config, RunResult::cpuSeconds));
  }

  /** Median abiguard time over median plain time. */
  double ratio() {
    return medianWall(CompileConfig.ABIGUARD) / medianWall(CompileConfig.PLAIN);
  }

  /** Fastest abiguard run over fastest plain run. */
  double minRatio() {
    return minWall(CompileConfig.ABIGUARD) / minWall(CompileConfig.PLAIN);
  }

  double cpuRatio() {
    return medianCpu(CompileConfig.ABIGUARD) / medianCpu(CompileConfig.PLAIN);
  }

  /** Median abiguard time minus median plain time, in seconds. */
  double extraSeconds() {
    return medianWall(CompileConfig.ABIGUARD) - medianWall(CompileConfig.PLAIN);
  }

  /** The largest abiguard diagnostic count of any run of {@code config}. */
  int abiguardDiagnostics(CompileConfig config) {
    return runs(config).stream().mapToInt(RunResult::abiguardDiagnostics).max().orElse(0);
  }

  int generatedSources() {
    return runs(CompileConfig.ABIGUARD).stream().mapToInt(RunResult::generatedSources).max().orElse(0);
  }

  /** Runs that failed (javac exit code not 0). */
  List<RunResult> failures() {
    return runs.stream().filter(r -> !r.succeeded()).toList();
  }

  private double[] values(CompileConfig config, ToDoubleFunction<RunResult> value) {
    double[] values = runs(config).stream().mapToDouble(value).sorted().toArray();
    if (values.length == 0) {
      throw new IllegalStateException("no runs of " + config + " for " + input.name());
    }
    return values;
  }

  static double median(double[] sorted) {
    double[] v = sorted.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
