package org.abiguard.benchmarks.compile;

import static org.abiguard.benchmarks.compile.CompileConfig.ABIGUARD;
import static org.abiguard.benchmarks.compile.CompileConfig.BASELINE;
import static org.abiguard.benchmarks.compile.CompileConfig.EMPTY;
import static org.abiguard.benchmarks.compile.CompileConfig.GENERATED;
import static org.abiguard.benchmarks.compile.CompileConfig.PLAIN;
import static org.abiguard.benchmarks.compile.CompileConfig.REPLAY;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes the harness's figures as Markdown: cost, checks, growth, and the run conditions. */
final class MarkdownReport {
  /** The target: abiguard at most this many times the plain javac time. */
  static final double TARGET_RATIO = 1.10;

  private static final Map<CompileConfig, String> HEADINGS =
      Map.of(
          EMPTY,
          "empty processor",
          GENERATED,
          "`-proc:none` + generated",
          REPLAY,
          "replay processor",
          BASELINE,
          "abiguard baseline",
          ABIGUARD,
          "abiguard");

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
    md.append(
        canary.guardActive()
            ? "Flow guard: **active** (the canary, a u32 member passed to a u16 parameter, got its one"
                + " `[abiguard:narrowing]`).\n\n"
            : "Flow guard: **not active** in this processor jar (the canary, a u32 member passed to a u16"
                + " parameter, got "
                + canary.narrowings()
                + " `[abiguard:narrowing]` instead of 1): these"
                + " figures measure the processor without the flow guard.\n\n");
    md.append(cost(measurements)).append('\n');
    md.append(floor(measurements));
    md.append(checks(measurements)).append('\n');
    for (Measurement m : measurements) {
      md.append("- `")
          .append(m.input.name())
          .append("`: ")
          .append(m.input.description())
          .append('\n');
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

  private static String cost(List<Measurement> measurements) {
    List<CompileConfig> others =
        List.of(EMPTY, GENERATED, REPLAY, BASELINE, ABIGUARD).stream()
            .filter(c -> measurements.stream().anyMatch(m -> m.has(c)))
            .toList();
    StringBuilder md = new StringBuilder();
    md.append(
        "Seconds, median (min) of the runs; ratio = median over the `-proc:none` median"
            + " (min over min); extra = median minus the `-proc:none` median.");
    if (others.contains(EMPTY)) {
      md.append(
          " *empty processor*: a processor that claims `\"*\"` like abiguard and does"
              + " nothing, the part of the cost that javac's annotation processing itself takes.");
    }
    if (others.contains(BASELINE)) {
      md.append(
          " *abiguard baseline*: the processor jar given with `--baseline-processor`, measured"
              + " beside abiguard's in the same run.");
    }
    if (others.contains(GENERATED)) {
      md.append(
          " *+ generated*: `-proc:none` over the input plus the marshallers abiguard"
              + " generated for it, what compiling the generated code costs by itself.");
    }
    if (others.contains(REPLAY)) {
      md.append(
          " *replay processor*: a processor that claims `\"*\"` and writes those marshallers"
              + " through javac's Filer in its first round, doing nothing else: the floor of any"
              + " processor that writes them (processing, Filer, extra round, compiling them).");
    }
    md.append("\n\n| input | time | `-proc:none` s");
    for (CompileConfig config : others) {
      md.append(" | ").append(HEADINGS.get(config)).append(" s | ratio | extra s");
    }
    md.append(" |\n|---|---|---:").append("|---:|---:|---:".repeat(others.size())).append("|\n");
    for (Measurement m : measurements) {
      for (Metric metric : Metric.values()) {
        md.append("| ").append(m.input.name()).append(" | ").append(metric.label).append(" | ");
        md.append(seconds(m, PLAIN, metric));
        for (CompileConfig config : others) {
          md.append(m.has(config) ? versusPlain(m, config, metric) : " | – | – | –");
        }
        md.append(" |\n");
      }
    }
    return md.toString();
  }

  /**
   * Heading of the generated-weight table; one {@link #weightRow} per input and processor follows.
   */
  static final String WEIGHT_HEADER =
      "What each processor generated in its last run (the marshallers' sources and the class files"
          + " compiled from them, nested classes included):\n\n"
          + "| input | processor | marshallers | generated lines | lines per marshaller | bytecode bytes"
          + " | bytes per marshaller |\n|---|---|---:|---:|---:|---:|---:|\n";

  /** One row of the generated-weight table. */
  static String weightRow(CompileInput input, CompileConfig config, GeneratedWeight w) {
    int n = Math.max(1, w.marshallers());
    return String.format(
        Locale.ROOT,
        "| %s | %s | %,d | %,d | %,d | %,d | %,d |%n",
        input.name(),
        HEADINGS.get(config),
        w.marshallers(),
        w.lines(),
        Math.round((double) w.lines() / n),
        w.classBytes(),
        Math.round((double) w.classBytes() / n));
  }

  /**
   * The target on code without structs: abiguard at most this many times the empty
   * processor.
   */
  static final double FLOOR_RATIO = 1.02;

  /** abiguard against the empty processor, per input that has both; empty if none has. */
  private static String floor(List<Measurement> measurements) {
    List<Measurement> both =
        measurements.stream().filter(m -> m.has(EMPTY) && m.has(ABIGUARD)).toList();
    if (both.isEmpty()) {
      return "";
    }
    StringBuilder md = new StringBuilder();
    md.append(
        "abiguard against the empty processor (medians, seconds; ratio = abiguard median over the"
            + " empty processor's, and min over min; paired = the median over the repetitions of"
            + " abiguard's run over the empty processor's run of the same repetition, which a"
            + " drift of the machine's speed during the measurement does not move):\n\n");
    md.append(
            "| input | time | empty processor s | abiguard s | abiguard / empty | paired | extra s |"
                + " paired ≤ ")
        .append(String.format(Locale.ROOT, "%.2f", FLOOR_RATIO))
        .append(" |\n|---|---|---:|---:|---:|---:|---:|---|\n");
    for (Measurement m : both) {
      for (Metric metric : Metric.values()) {
        double empty = m.median(EMPTY, metric);
        double abiguard = m.median(ABIGUARD, metric);
        double paired = m.pairedRatio(ABIGUARD, EMPTY, metric);
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %.3f (%.3f) | %.3f | %+.2f | %s |\n",
                m.input.name(),
                metric.label,
                seconds(m, EMPTY, metric),
                seconds(m, ABIGUARD, metric),
                abiguard / empty,
                m.min(ABIGUARD, metric) / m.min(EMPTY, metric),
                paired,
                abiguard - empty,
                paired <= FLOOR_RATIO ? "yes" : "**no**"));
      }
    }
    return md.append('\n').toString();
  }

  private static String seconds(Measurement m, CompileConfig config, Metric metric) {
    return String.format(
        Locale.ROOT, "%.2f (%.2f)", m.median(config, metric), m.min(config, metric));
  }

  private static String versusPlain(Measurement m, CompileConfig config, Metric metric) {
    return String.format(
        Locale.ROOT,
        " | %s | %.3f (%.3f) | %+.2f",
        seconds(m, config, metric),
        m.ratio(config, metric),
        m.minRatio(config, metric),
        m.extra(config, metric));
  }

  private static String checks(List<Measurement> measurements) {
    StringBuilder md = new StringBuilder();
    md.append(
        "| input | files | lines | `[abiguard` diagnostics, `-proc:none` / abiguard"
            + " | generated sources | failed runs | wall ratio ≤ 1.10 | javac-thread CPU ratio ≤ 1.10 |\n");
    md.append("|---|---:|---:|---:|---:|---:|---|---|\n");
    for (Measurement m : measurements) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %,d | %d / %d | %,d | %d | %s | %s |%n",
              m.input.name(),
              m.input.sources().size(),
              m.input.lines(),
              m.abiguardDiagnostics(PLAIN),
              m.abiguardDiagnostics(ABIGUARD),
              m.generatedSources(),
              m.failures().size(),
              verdict(m, Metric.WALL),
              verdict(m, Metric.THREAD_CPU)));
    }
    return md.toString();
  }

  private static String verdict(Measurement m, Metric metric) {
    double ratio = m.ratio(ABIGUARD, metric);
    return String.format(
        Locale.ROOT, ratio <= TARGET_RATIO ? "yes (%.3f)" : "**no** (%.3f)", ratio);
  }

  private static String growth(List<Measurement> sizes) {
    StringBuilder md = new StringBuilder();
    md.append(
        "Growth of the synthetic codebase, medians (linear growth: the time ratios in the last"
            + " row follow the size ratio):\n\n");
    md.append("| input | lines");
    for (Metric metric : Metric.values()) {
      md.append(" | ").append(metric.label).append(": `-proc:none` / abiguard s | extra s");
    }
    md.append(" |\n|---|---:").append("|---:|---:".repeat(Metric.values().length)).append("|\n");
    for (Measurement m : sizes) {
      md.append(String.format(Locale.ROOT, "| %s | %,d", m.input.name(), m.input.lines()));
      for (Metric metric : Metric.values()) {
        md.append(
            String.format(
                Locale.ROOT,
                " | %.2f / %.2f | %+.2f",
                m.median(PLAIN, metric),
                m.median(ABIGUARD, metric),
                m.extra(ABIGUARD, metric)));
      }
      md.append(" |\n");
    }
    Measurement first = sizes.get(0);
    Measurement last = sizes.get(sizes.size() - 1);
    md.append(
        String.format(
            Locale.ROOT,
            "| %s / %s | %.2fx",
            last.input.name(),
            first.input.name(),
            (double) last.input.lines() / first.input.lines()));
    for (Metric metric : Metric.values()) {
      md.append(
          String.format(
              Locale.ROOT,
              " | %.2fx / %.2fx | %.2fx",
              last.median(PLAIN, metric) / first.median(PLAIN, metric),
              last.median(ABIGUARD, metric) / first.median(ABIGUARD, metric),
              last.extra(ABIGUARD, metric) / first.extra(ABIGUARD, metric)));
    }
    return md.append(" |\n").toString();
  }

  private static String failures(List<Measurement> measurements) {
    StringBuilder md = new StringBuilder();
    for (Measurement m : measurements) {
      for (RunResult r : m.failures()) {
        md.append("- ")
            .append(m.input.name())
            .append(' ')
            .append(r.config().label)
            .append(": exit ")
            .append(r.exitCode())
            .append(", ")
            .append(r.errors())
            .append(" errors, log `")
            .append(r.log())
            .append("`\n");
      }
    }
    return md.toString();
  }

  /** Where the javac thread's time goes in the profiled abiguard runs of each input. */
  static String profiles(Map<String, List<Profile.Split>> profiles) {
    StringBuilder md = new StringBuilder();
    md.append(
        "Where the javac thread spends an abiguard compilation: JDK Flight Recorder execution"
            + " samples (every 1 ms) of extra, untimed abiguard runs, one row each. *flow guard*: a"
            + " frame of `org.abiguard.processor.guard` on the stack; *struct stage*: another frame"
            + " of the processor (model, layout, code generation, manifest); *javac*: neither (this"
            + " includes compiling the generated marshallers). *processor*: the two together, the"
            + " processor's own share of the javac thread, which the run-to-run noise of the clock"
            + " does not move.\n\n");
    md.append(
        "| input | run | samples | javac | struct stage | flow guard | processor | processor methods"
            + " most often innermost (samples) |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
    profiles.forEach(
        (input, splits) -> {
          for (int i = 0; i < splits.size(); i++) {
            Profile.Split p = splits.get(i);
            md.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %d | %,d | %s | %s | %s | %s | %s |%n",
                    input,
                    i + 1,
                    p.samples(),
                    share(p.javac(), p.samples()),
                    share(p.structStage(), p.samples()),
                    share(p.guard(), p.samples()),
                    share(p.guard() + p.structStage(), p.samples()),
                    String.join(
                        ", ",
                        p.hotFrames().stream()
                            .map(e -> "`" + e.getKey() + "` " + e.getValue())
                            .toList())));
          }
        });
    return md.toString();
  }

  private static String share(int part, int whole) {
    return String.format(Locale.ROOT, "%.1f%%", whole == 0 ? 0.0 : 100.0 * part / whole);
  }

  /** One CSV line per run. */
  static String csv(List<Measurement> measurements) {
    StringBuilder csv =
        new StringBuilder(
            "input,config,run,wall_s,cpu_s,thread_cpu_s,exit,abiguard_diagnostics,errors,warnings,generated_sources\n");
    for (Measurement m : measurements) {
      for (CompileConfig config : CompileConfig.values()) {
        List<RunResult> runs = m.runs(config);
        for (int i = 0; i < runs.size(); i++) {
          RunResult r = runs.get(i);
          csv.append(
              String.format(
                  Locale.ROOT,
                  "%s,%s,%d,%.3f,%.3f,%.3f,%d,%d,%d,%d,%d%n",
                  m.input.name(),
                  config.name().toLowerCase(Locale.ROOT),
                  i + 1,
                  r.wallSeconds(),
                  r.cpuSeconds(),
                  r.threadCpuSeconds(),
                  r.exitCode(),
                  r.abiguardDiagnostics(),
                  r.errors(),
                  r.warnings(),
                  r.generatedSources()));
        }
      }
    }
    return csv.toString();
  }
}
