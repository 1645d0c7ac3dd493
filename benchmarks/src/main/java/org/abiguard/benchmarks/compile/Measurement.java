package org.abiguard.benchmarks.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The measured runs of one input in every configuration, and their summary figures. */
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

  /** True if {@code config} was measured. */
  boolean has(CompileConfig config) {
    return !runs(config).isEmpty();
  }

  double median(CompileConfig config, Metric metric) {
    return medianOf(sorted(config, metric));
  }

  /** The median of values sorted in increasing order. */
  private static double medianOf(double[] v) {
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  double min(CompileConfig config, Metric metric) {
    return sorted(config, metric)[0];
  }

  /**
   * The median, over the repetitions, of {@code config}'s run over {@code base}'s run of the same
   * repetition. Each repetition runs every configuration one after the other, so a drift of the
   * machine's speed during the measurement (it happens: clocks, caches, other load) moves both runs
   * of a pair alike and cancels out of their ratio.
   */
  double pairedRatio(CompileConfig config, CompileConfig base, Metric metric) {
    List<RunResult> a = runs(config);
    List<RunResult> b = runs(base);
    int n = Math.min(a.size(), b.size());
    if (n == 0) {
      throw new IllegalStateException(
          "no runs of " + config + " and " + base + " for " + input.name());
    }
    double[] ratios = new double[n];
    for (int i = 0; i < n; i++) {
      ratios[i] = metric.value.applyAsDouble(a.get(i)) / metric.value.applyAsDouble(b.get(i));
    }
    Arrays.sort(ratios);
    return medianOf(ratios);
  }

  /** Median of {@code config} over median of plain javac. */
  double ratio(CompileConfig config, Metric metric) {
    return median(config, metric) / median(CompileConfig.PLAIN, metric);
  }

  /** Fastest run of {@code config} over fastest plain run. */
  double minRatio(CompileConfig config, Metric metric) {
    return min(config, metric) / min(CompileConfig.PLAIN, metric);
  }

  /** Median of {@code config} minus median of plain javac, in seconds. */
  double extra(CompileConfig config, Metric metric) {
    return median(config, metric) - median(CompileConfig.PLAIN, metric);
  }

  /** The largest abiguard diagnostic count of any run of {@code config}. */
  int abiguardDiagnostics(CompileConfig config) {
    return runs(config).stream().mapToInt(RunResult::abiguardDiagnostics).max().orElse(0);
  }

  /** The largest count of generated sources of any abiguard run. */
  int generatedSources() {
    return runs(CompileConfig.ABIGUARD).stream()
        .mapToInt(RunResult::generatedSources)
        .max()
        .orElse(0);
  }

  /** Runs that failed (javac exit code not 0). */
  List<RunResult> failures() {
    return runs.stream().filter(r -> !r.succeeded()).toList();
  }

  private double[] sorted(CompileConfig config, Metric metric) {
    double[] values = runs(config).stream().mapToDouble(metric.value).toArray();
    if (values.length == 0) {
      throw new IllegalStateException("no runs of " + config + " for " + input.name());
    }
    Arrays.sort(values);
    return values;
  }
}
