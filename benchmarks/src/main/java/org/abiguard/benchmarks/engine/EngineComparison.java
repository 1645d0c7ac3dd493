package org.abiguard.benchmarks.engine;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.abiguard.benchmarks.compile.CodebaseGenerator;
import org.abiguard.benchmarks.compile.CompileInput;
import org.abiguard.benchmarks.compile.GuavaInput;

/**
 * Measures abiguard's flow guard and the Checker Framework prototype ({@link CfEngine}) side by
 * side, in the same in-process javac compilations: each compilation brackets both engines'
 * {@code ANALYZE} listeners with thread-CPU marks ({@link Bracket}), and alternates which engine
 * runs first. A {@link SanityCheck} runs first. Prints a Markdown table of medians and writes it
 * with every run to {@code --out}.
 *
 * <pre>
 * java @benchmarks/engine-jvm.args -cp benchmarks/target/benchmarks.jar:processor/target/abiguard-processor-0.1.0-SNAPSHOT.jar \
 *     org.abiguard.benchmarks.engine.EngineComparison --annotations annotations/target/abiguard-annotations-0.1.0-SNAPSHOT.jar \
 *     [--sizes 500,1000] [--guava guava-33.4.8-jre-sources.jar] [--reps 4] [--warmups 2] [--out DIR]
 * </pre>
 */
public final class EngineComparison {
  private static final List<EngineProcessor.Slot> GUARD_FIRST =
      List.of(EngineProcessor.Slot.GUARD, EngineProcessor.Slot.CF, EngineProcessor.Slot.EMPTY);
  private static final List<EngineProcessor.Slot> CF_FIRST =
      List.of(EngineProcessor.Slot.CF, EngineProcessor.Slot.GUARD, EngineProcessor.Slot.EMPTY);

  private EngineComparison() {}

  public static void main(String[] args) throws IOException {
    Path annotations = null;
    Path guava = null;
    Path out = Path.of("benchmarks/target/engine-comparison");
    List<Integer> sizes = new ArrayList<>(List.of(500, 1000));
    int reps = 4;
    int warmups = 2;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--annotations" -> annotations = Path.of(value);
        case "--guava" -> guava = Path.of(value);
        case "--out" -> out = Path.of(value);
        case "--reps" -> reps = Integer.parseInt(value);
        case "--warmups" -> warmups = Integer.parseInt(value);
        case "--sizes" -> {
          sizes.clear();
          if (!value.isBlank() && !value.equals("none")) {
            for (String s : value.split(",")) {
              sizes.add(Integer.parseInt(s.trim()));
            }
          }
        }
        default -> {
          System.err.println("unknown option " + args[i]);
          System.exit(2);
        }
      }
      i++;
    }
    if (annotations == null) {
      System.err.println("--annotations <abiguard-annotations jar> is required");
      System.exit(2);
    }
    Path work = out.toAbsolutePath();
    Files.createDirectories(work);
    List<String> lines = new ArrayList<>();
    lines.add("JDK " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
        + " processors, load average " + load() + " at start");
    boolean sane = SanityCheck.run(annotations.toAbsolutePath(), work, lines);
    lines.forEach(EngineComparison::progress);
    if (!sane) {
      progress("the sanity check failed: the brackets do not measure what they should; stopping");
      System.exit(1);
    }

    List<CompileInput> inputs = new ArrayList<>();
    for (int structs : sizes) {
      Path root = work.resolve("synthetic-" + structs + "-sources");
      EngineRun.deleteRecursively(root);
      CodebaseGenerator.Codebase cb = CodebaseGenerator.generate(root, structs, 10 * structs);
      inputs.add(new CompileInput("synthetic-" + structs, cb.structs() + " structs, " + cb.flowMethods()
          + " flow methods", cb.sources(), List.of(annotations.toAbsolutePath()), List.of("--release", "17", "-encoding", "UTF-8"),
          cb.lines()));
    }
    if (guava != null) {
      inputs.add(GuavaInput.prepare(guava, List.of(), work));
    }

    StringBuilder csv = new StringBuilder("input,run,order,guard_ms,cf_total_ms,cf_cfg_ms,cf_fixpoint_ms,empty_ms,"
        + "ratio,javac_thread_ms,javac_wall_ms,events,guard_methods,cf_methods,cf_lambdas,abiguard_diagnostics,"
        + "cf_findings,cf_failures,load\n");
    List<String> byOrder = new ArrayList<>();
    byOrder.add("| input | order | runs | abiguard guard ms | CF total ms | CF / guard | guard / javac thread | CF / javac thread |");
    byOrder.add("|---|---|---:|---:|---:|---:|---:|---:|");
    List<String> table = new ArrayList<>();
    table.add("| input | runs | methods analysed: guard / CF (+ lambdas) | abiguard guard ms | CF CFG build ms"
        + " | CF fixpoint ms | CF total ms | CF / guard | empty bracket ms | javac thread CPU s | javac wall s"
        + " | guard diagnostics / CF findings | CF failures | load |");
    table.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    boolean clean = true;
    for (CompileInput input : inputs) {
      progress("input " + input.name() + ": " + input.sources().size() + " files, " + input.lines() + " lines");
      String loadBefore = load();
      for (int w = 0; w < warmups; w++) {
        EngineRun.Result r = run(input, work, w % 2 == 0 ? GUARD_FIRST : CF_FIRST);
        progress("  warm-up " + (w + 1) + ": " + line(r));
      }
      List<EngineRun.Result> runs = new ArrayList<>();
      for (int rep = 0; rep < reps; rep++) {
        List<EngineProcessor.Slot> layout = (rep + warmups) % 2 == 0 ? GUARD_FIRST : CF_FIRST;
        EngineRun.Result r = run(input, work, layout);
        runs.add(r);
        String load = load();
        progress("  run " + (rep + 1) + ": " + line(r) + ", load " + load);
        csv.append(String.format(Locale.ROOT, "%s,%d,%s,%.2f,%.2f,%.2f,%.2f,%.2f,%.3f,%.1f,%.1f,%d,%d,%d,%d,%d,%d,%d,%s%n",
            input.name(), rep + 1, layout.get(0) == EngineProcessor.Slot.GUARD ? "guard-first" : "cf-first",
            ms(r.nanos(EngineProcessor.Slot.GUARD)), ms(r.nanos(EngineProcessor.Slot.CF)), ms(r.cf().cfgNanos),
            ms(r.cf().fixpointNanos), ms(r.nanos(EngineProcessor.Slot.EMPTY)), ratio(r), ms(r.javacThreadNanos()),
            ms(r.javacWallNanos()), r.events(), r.guardMethods(), r.cf().methods, r.cf().lambdas,
            r.abiguardDiagnostics(), r.findings().size(), r.cf().cfgFailures + r.cf().analysisFailures, load));
        clean &= r.success() && r.orderViolations() == 0;
      }
      EngineRun.Result first = runs.get(0);
      table.add(String.format(Locale.ROOT,
          "| %s | %d | %,d / %,d (+ %,d) | %.0f | %.0f | %.0f | %.0f | **%.2f** | %.1f | %.2f | %.2f | %d / %d | %d | %s → %s |",
          input.name(), runs.size(), first.guardMethods(), first.cf().methods, first.cf().lambdas,
          median(runs, r -> ms(r.nanos(EngineProcessor.Slot.GUARD))), median(runs, r -> ms(r.cf().cfgNanos)),
          median(runs, r -> ms(r.cf().fixpointNanos)), median(runs, r -> ms(r.nanos(EngineProcessor.Slot.CF))),
          median(runs, EngineComparison::ratio), median(runs, r -> ms(r.nanos(EngineProcessor.Slot.EMPTY))),
          median(runs, r -> r.javacThreadNanos() / 1e9), median(runs, r -> r.javacWallNanos() / 1e9),
          first.abiguardDiagnostics(), first.findings().size(), first.cf().cfgFailures + first.cf().analysisFailures,
          loadBefore, load()));
      for (List<EngineProcessor.Slot> order : List.of(GUARD_FIRST, CF_FIRST)) {
        List<EngineRun.Result> some = runs.stream().filter(r -> r.layout().equals(order)).toList();
        if (!some.isEmpty()) {
          byOrder.add(String.format(Locale.ROOT, "| %s | %s | %d | %.0f | %.0f | %.2f | %.1f%% | %.1f%% |", input.name(),
              order == GUARD_FIRST ? "guard first" : "CF first", some.size(),
              median(some, r -> ms(r.nanos(EngineProcessor.Slot.GUARD))), median(some, r -> ms(r.nanos(EngineProcessor.Slot.CF))),
              median(some, EngineComparison::ratio),
              median(some, r -> 100.0 * r.nanos(EngineProcessor.Slot.GUARD) / r.javacThreadNanos()),
              median(some, r -> 100.0 * r.nanos(EngineProcessor.Slot.CF) / r.javacThreadNanos())));
        }
      }
      if (!first.cf().failures.isEmpty()) {
        progress("  CF failures (first run): " + first.cf().failures);
      }
      for (SinkFinding f : first.findings().subList(0, Math.min(5, first.findings().size()))) {
        progress("  CF finding: " + f);
      }
    }
    List<String> report = new ArrayList<>(lines);
    report.add("");
    report.addAll(table);
    report.add("");
    report.addAll(byOrder);
    report.add("");
    report.add(JarSizes.describe());
    String text = String.join("\n", report) + "\n";
    System.out.println();
    System.out.print(text);
    Files.writeString(work.resolve("results.md"), text, StandardCharsets.UTF_8);
    Files.writeString(work.resolve("runs.csv"), csv.toString(), StandardCharsets.UTF_8);
    progress("results in " + work.resolve("results.md") + " and " + work.resolve("runs.csv"));
    System.exit(clean ? 0 : 1);
  }

  private static EngineRun.Result run(CompileInput input, Path work, List<EngineProcessor.Slot> layout) throws IOException {
    return EngineRun.compile(input.sources(), input.classpath(), input.options(), work.resolve("classes"), layout, false, 0);
  }

  private static double ratio(EngineRun.Result r) {
    return r.nanos(EngineProcessor.Slot.CF) / (double) r.nanos(EngineProcessor.Slot.GUARD);
  }

  private static double median(List<EngineRun.Result> runs, ToDoubleFunction<EngineRun.Result> f) {
    return Stats.median(runs.stream().map(r -> f.applyAsDouble(r)).toList());
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static String line(EngineRun.Result r) {
    return String.format(Locale.ROOT,
        "%s guard %.0f ms, CF %.0f ms (CFG %.0f, fixpoint %.0f), empty %.1f ms, CF/guard %.2f, javac %.2f s thread CPU"
            + " / %.2f s wall, %s, %d events, methods %d / %d (+%d), diagnostics %d / %d, CF failures %d%s",
        r.layout().get(0) == EngineProcessor.Slot.GUARD ? "guard-first" : "cf-first",
        ms(r.nanos(EngineProcessor.Slot.GUARD)), ms(r.nanos(EngineProcessor.Slot.CF)), ms(r.cf().cfgNanos),
        ms(r.cf().fixpointNanos), ms(r.nanos(EngineProcessor.Slot.EMPTY)), ratio(r), r.javacThreadNanos() / 1e9,
        r.javacWallNanos() / 1e9, r.success() ? "compiled" : "FAILED " + r.errors() + " errors " + r.firstErrors(),
        r.events(), r.guardMethods(), r.cf().methods, r.cf().lambdas, r.abiguardDiagnostics(), r.findings().size(),
        r.cf().cfgFailures + r.cf().analysisFailures, r.orderViolations() == 0 ? "" : ", ORDER VIOLATIONS " + r.orderViolations());
  }

  static String load() {
    return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  static void progress(String s) {
    System.err.println("[engine] " + s);
  }
}
