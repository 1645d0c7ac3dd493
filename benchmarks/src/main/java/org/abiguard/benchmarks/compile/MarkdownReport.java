package org.abiguard.benchmarks.compile;

import static org.abiguard.benchmarks.compile.CompileConfig.ABIGUARD;
import static org.abiguard.benchmarks.compile.CompileConfig.PLAIN;

import java.util.List;
import java.util.Locale;

/** Writes the harness's figures as Markdown: the cost table, growth, and the run conditions. */
final class MarkdownReport {
  /** The target: abiguard at most this many times the plain javac time. */
  static final double TARGET_RATIO = 1.10;

  private MarkdownReport() {}

  /**
   * @param measurements every measured input, the synthetic sizes first in increasing size
   * @param synthetic how many of {@code measurements} are synthetic sizes
   * @param conditions a sentence on JDK, machine and repetitions
   * @param canary the guard canary's result
   */
  static String render(
      List<Measurement> measurements, int synthetic, String conditions, GuardCanary.Result canary) {
    StringBuilder md = new StringBuilder();
    md.append(conditions).append("\n\n");
    md.append(canary.guardActive()
        ? "Flow guard: **active** (the canary, a u32 member passed to a u16 parameter, got its one"
            + " `[abiguard:narrowing]`).\n\n"
        : "Flow guard: **not active** in this processor jar (the canary, a u32 member passed to a u16"
            + " parameter, got " + canary.narrowings() + " `[abiguard:narrowing]` instead of 1): these"
            + " figures measure the processor without the flow guard.\n\n");
    md.append("| input | files | lines | `-proc:none` median (min) s | abiguard median (min) s"
        + " | ratio median (min) | extra s | CPU ratio | `[abiguard` diagnostics (plain / abiguard)"
        + " | generated sources | ≤ 1.10x |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (Measurement m : measurements) {
      md.append(String.format(Locale.ROOT,
          "| %s | %d | %d | %.2f (%.2f) | %.2f (%.2f) | %.3fx (%.3fx) | %+.2f | %.3fx | %d / %d | %d | %s |%n",
          m.input.name(), m.input.sources().size(), m.input.lines(),
          m.medianWall(PLAIN), m.minWall(PLAIN), m.medianWall(ABIGUARD), m.minWall(ABIGUARD),
          m.ratio(), m.minRatio(), m.extraSeconds(), m.cpuRatio(),
          m.abiguardDiagnostics(PLAIN), m.abiguardDiagnostics(ABIGUARD), m.generatedSources(),
          m.ratio() <= TARGET_RATIO ? "yes" : "**no**"));
    }
    md.append('\n');
    for (Measurement m : measurements) {
      md.append("- `").append(m.input.name()).append("`: ").append(m.input.description()).append('\n');
    }
    if (synthetic >= 2) {
      md.append('\n').append(growth(measurements.subList(0, synthetic)));
    }
    String failures = failures(measurements);
    if (!failures.isEmpty()) {
      md.append("\n**Failed runs** (javac exit code not 0):\n\n").append(failures);
    }
    return md.toString();
  }

  private static String growth(List<Measurement> sizes) {
    StringBuilder md = new StringBuilder();
    md.append("Growth of the synthetic codebase (linear growth: the time ratios follow the size ratio):\n\n");
    md.append("| input | lines | `-proc:none` s | abiguard s | extra s | extra ms per 1,000 lines |\n");
    md.append("|---|---:|---:|---:|---:|---:|\n");
    for (Measurement m : sizes) {
      md.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %+.2f | %.1f |%n",
          m.input.name(), m.input.lines(), m.medianWall(PLAIN), m.medianWall(ABIGUARD),
          m.extraSeconds(), 1e6 * m.extraSeconds() / m.input.lines()));
    }
    Measurement first = sizes.get(0);
    Measurement last = sizes.get(sizes.size() - 1);
    md.append(String.format(Locale.ROOT, "| %s / %s | %.2fx | %.2fx | %.2fx | %.2fx | |%n",
        last.input.name(), first.input.name(),
        (double) last.input.lines() / first.input.lines(),
        last.medianWall(PLAIN) / first.medianWall(PLAIN),
        last.medianWall(ABIGUARD) / first.medianWall(ABIGUARD),
        last.extraSeconds() / first.extraSeconds()));
    return md.toString();
  }

  private static String failures(List<Measurement> measurements) {
    StringBuilder md = new StringBuilder();
    for (Measurement m : measurements) {
      for (RunResult r : m.failures()) {
        md.append("- ").append(m.input.name()).append(' ').append(r.config().label)
            .append(": exit ").append(r.exitCode()).append(", ").append(r.errors())
            .append(" errors, log `").append(r.log()).append("`\n");
      }
    }
    return md.toString();
  }

  /** One CSV line per run: input, config, run, wall, cpu, exit, diagnostics, errors, generated. */
  static String csv(List<Measurement> measurements) {
    StringBuilder csv = new StringBuilder("input,config,run,wall_s,cpu_s,exit,abiguard_diagnostics,errors,warnings,generated_sources\n");
    for (Measurement m : measurements) {
      for (CompileConfig config : CompileConfig.values()) {
        List<RunResult> runs = m.runs(config);
        for (int i = 0; i < runs.size(); i++) {
          RunResult r = runs.get(i);
          csv.append(String.format(Locale.ROOT, "%s,%s,%d,%.3f,%.3f,%d,%d,%d,%d,%d%n",
              m.input.name(), config.name().toLowerCase(Locale.ROOT), i + 1, r.wallSeconds(), r.cpuSeconds(),
              r.exitCode(), r.abiguardDiagnostics(), r.errors(), r.warnings(), r.generatedSources()));
        }
      }
    }
    return csv.toString();
  }
}
