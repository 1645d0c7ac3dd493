package org.abiguard.benchmarks.compile;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The compile-cost harness: javac with the abiguard processor against {@code -proc:none} on
 * synthetic codebases of increasing size ({@link CodebaseGenerator}) and on a real project's
 * sources (Guava), in alternating fresh javac processes, after warm-ups. Prints a Markdown table of
 * medians, minima, ratios and abiguard diagnostic counts, and writes it with the raw runs to the
 * work directory. Exits with 1 if a compilation failed or a run reported an abiguard diagnostic on
 * code that must have none.
 */
public final class CompileHarness {
  private CompileHarness() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    HarnessOptions options;
    try {
      options = HarnessOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(HarnessOptions.USAGE);
      System.exit(2);
      return;
    }
    System.exit(run(options) ? 0 : 1);
  }

  /** Measures everything {@code options} names; true if every run was clean. */
  static boolean run(HarnessOptions options) throws IOException, InterruptedException {
    Path work = options.out().toAbsolutePath();
    Files.createDirectories(work);
    JavacLauncher launcher =
        new JavacLauncher(
            options.jdk(),
            System.getProperty("java.class.path"),
            options.processorJar().toAbsolutePath(),
            options.baselineProcessor() == null
                ? null
                : options.baselineProcessor().toAbsolutePath(),
            options.decompose() ? HarnessProcessors.empty(work) : null,
            options.decompose() ? HarnessProcessors.replay(work) : null,
            options.processorOptions(),
            work);

    GuardCanary.Result canary =
        GuardCanary.run(launcher, options.annotationsJar().toAbsolutePath(), work);
    if (canary.notRun() != null) {
      progress(
          "javac did not run the canary, so it would run nothing: "
              + canary.notRun()
              + ". The harness's classes must be of a release the measured JDK runs: build the"
              + " benchmarks module under that JDK or an older one (see benchmarks/README.md).");
      return false;
    }
    progress(
        "canary: "
            + canary.narrowings()
            + " narrowing diagnostic(s), flow guard "
            + (canary.guardActive() ? "active" : "NOT active")
            + ", "
            + canary.generatedSources()
            + " generated source(s)");

    List<CompileInput> inputs = new ArrayList<>();
    for (int structs : options.sizes()) {
      inputs.add(
          synthetic(structs, options.methodsPerStruct() * structs, options.annotationsJar(), work));
    }
    if (options.guava() != null) {
      inputs.add(GuavaInput.prepare(options.guava(), options.guavaClasspath(), work));
    }
    for (Map.Entry<String, Path> project : options.projects().entrySet()) {
      inputs.add(
          GuavaInput.project(
              project.getKey(),
              project.getValue().getFileName().toString().replaceFirst("-sources\\.jar$", ""),
              project.getValue(),
              List.of(),
              work));
    }

    double loadBefore = loadAverage();
    List<Measurement> measurements = new ArrayList<>();
    Map<String, List<Profile.Split>> profiles = new LinkedHashMap<>();
    StringBuilder weights = new StringBuilder();
    for (CompileInput input : inputs) {
      measurements.add(
          measure(launcher, input, options.configs(), options.warmups(), options.reps()));
      for (CompileConfig config : List.of(CompileConfig.BASELINE, CompileConfig.ABIGUARD)) {
        if (options.configs().contains(config)) {
          weights.append(
              MarkdownReport.weightRow(
                  input, config, GeneratedWeight.of(launcher.directory(input, config))));
        }
      }
      if (options.profileRuns() > 0) {
        List<Profile.Split> splits = new ArrayList<>();
        for (int run = 1; run <= options.profileRuns(); run++) {
          splits.add(profile(launcher, input, run, work));
        }
        profiles.put(input.name(), splits);
      }
    }
    String load =
        String.format(
            Locale.ROOT,
            " System load average (1 min) %.2f before and %.2f after.",
            loadBefore,
            loadAverage());

    String report =
        MarkdownReport.render(
                measurements, options.sizes().size(), conditions(options) + load, canary)
            + (weights.isEmpty() ? "" : "\n" + MarkdownReport.WEIGHT_HEADER + weights)
            + (profiles.isEmpty() ? "" : "\n" + MarkdownReport.profiles(profiles));
    System.out.println(report);
    Files.writeString(work.resolve("results.md"), report, StandardCharsets.UTF_8);
    Files.writeString(
        work.resolve("runs.csv"), MarkdownReport.csv(measurements), StandardCharsets.UTF_8);
    progress("results in " + work.resolve("results.md") + " and " + work.resolve("runs.csv"));
    return measurements.stream()
        .allMatch(
            m ->
                m.failures().isEmpty()
                    && m.abiguardDiagnostics(CompileConfig.ABIGUARD) == 0
                    && m.abiguardDiagnostics(CompileConfig.BASELINE) == 0);
  }

  private static CompileInput synthetic(int structs, int methods, Path annotationsJar, Path work)
      throws IOException {
    String name = "synthetic-" + structs;
    Path root = work.resolve(name + "-sources");
    JavacLauncher.deleteRecursively(root);
    CodebaseGenerator.Codebase codebase = CodebaseGenerator.generate(root, structs, methods);
    progress(
        "generated "
            + name
            + ": "
            + codebase.sources().size()
            + " files, "
            + codebase.lines()
            + " lines");
    String description =
        String.format(
            Locale.ROOT,
            "generated: %,d structs (one in five a record), %,d flow methods, %,d plain methods, --release 17",
            codebase.structs(),
            codebase.flowMethods(),
            codebase.plainMethods());
    return new CompileInput(
        name,
        description,
        codebase.sources(),
        List.of(annotationsJar.toAbsolutePath()),
        List.of("--release", "17", "-encoding", "UTF-8"),
        codebase.lines());
  }

  private static Measurement measure(
      JavacLauncher launcher,
      CompileInput input,
      List<CompileConfig> configs,
      int warmups,
      int reps)
      throws IOException, InterruptedException {
    Measurement measurement = new Measurement(input);
    List<CompileConfig> measured = configs;
    if (configs.contains(CompileConfig.GENERATED)) {
      RunResult generation = launcher.run(input, CompileConfig.ABIGUARD, "generate");
      progress(describe(input, "generation", generation));
      int generated = launcher.snapshotGenerated(input);
      if (generated == 0) {
        measured =
            configs.stream()
                .filter(c -> c != CompileConfig.GENERATED && c != CompileConfig.REPLAY)
                .toList();
      }
    }
    for (int w = 0; w < warmups; w++) {
      for (CompileConfig config : measured) {
        RunResult run = launcher.run(input, config, "warmup" + (w + 1));
        progress(describe(input, "warm-up " + (w + 1), run));
      }
    }
    for (int r = 0; r < reps; r++) {
      for (CompileConfig config : measured) {
        RunResult run = launcher.run(input, config, "run" + (r + 1));
        measurement.add(run);
        progress(describe(input, "run " + (r + 1), run));
      }
    }
    return measurement;
  }

  private static Profile.Split profile(
      JavacLauncher launcher, CompileInput input, int run, Path work)
      throws IOException, InterruptedException {
    Path recording =
        launcher.directory(input, CompileConfig.ABIGUARD).resolve("profile-" + run + ".jfr");
    Files.deleteIfExists(recording);
    RunResult result =
        launcher.run(
            input,
            CompileConfig.ABIGUARD,
            "profile-" + run,
            Profile.jvmOptions(recording, Profile.settings(work)));
    progress(describe(input, "profiled " + run, result));
    return Profile.read(recording, "main");
  }

  private static String describe(CompileInput input, String which, RunResult run) {
    return String.format(
        Locale.ROOT,
        "%s %s %s: %.2f s wall, %.2f s CPU, %.2f s javac-thread CPU, exit %d, %d [abiguard lines, %d errors, %d generated",
        input.name(),
        run.config().label,
        which,
        run.wallSeconds(),
        run.cpuSeconds(),
        run.threadCpuSeconds(),
        run.exitCode(),
        run.abiguardDiagnostics(),
        run.errors(),
        run.generatedSources());
  }

  private static String conditions(HarnessOptions options) throws IOException {
    Properties release = new Properties();
    Path file = options.jdk().resolve("release");
    if (Files.isRegularFile(file)) {
      try (var in = Files.newInputStream(file)) {
        release.load(in);
      }
    }
    String version = release.getProperty("JAVA_VERSION", "?").replace("\"", "");
    String vendor = release.getProperty("IMPLEMENTOR", "").replace("\"", "");
    return String.format(
        Locale.ROOT,
        "Measured %s with javac %s%s on %s/%s, %d cores shared with other jobs (figures are noisy);"
            + " %d measured run(s) per configuration after %d warm-up round(s)%s, alternating the"
            + " configurations run by run (ABAB...); every run a fresh JVM compiling into empty output"
            + " directories. abiguard options: %s.",
        Instant.now().truncatedTo(ChronoUnit.MINUTES),
        version,
        vendor.isEmpty() ? "" : " (" + vendor + ")",
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(),
        options.reps(),
        options.warmups(),
        options.decompose()
            ? " and one unmeasured abiguard run per input (it wrote the sources for `+ generated`)"
            : "",
        options.processorOptions().isEmpty()
            ? "defaults"
            : String.join(" ", options.processorOptions()));
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static void progress(String line) {
    System.err.println("[compile-harness] " + line);
  }
}
