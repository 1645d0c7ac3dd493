package org.abiguard.benchmarks.compile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The same compilations as {@link CompileHarness}, but all in this one JVM, as a compiler daemon
 * (Gradle's, an IDE's) runs them: javac's own code is warm after the first rounds, so what is left
 * of a configuration's extra time is work, not JIT compilation or class loading. Run it after the
 * harness: it replays the {@code javac.args} the harness wrote for each configuration of one input,
 * round by round (ABAB...), cleaning the output directories before each run, and prints the median
 * wall time and javac-thread CPU time of the rounds after the warm-ups, with their ratios to {@code
 * -proc:none}.
 *
 * <pre>
 * java -Xmx3g -cp benchmarks/target/classes org.abiguard.benchmarks.compile.WarmCompile \
 *     benchmarks/target/compile-harness/guava [rounds=8] [warmups=2]
 * </pre>
 */
public final class WarmCompile {
  private static final String ABIGUARD = "[abiguard";

  private WarmCompile() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: WarmCompile <harness output>/<input> [rounds=8] [warmups=2]");
      System.exit(2);
    }
    Path inputDir = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      System.err.println("no system Java compiler: run on a JDK, not a JRE");
      System.exit(2);
    }
    Map<CompileConfig, Path> configs = new LinkedHashMap<>();
    for (CompileConfig config : CompileConfig.values()) {
      Path dir = inputDir.resolve(config.name().toLowerCase(Locale.ROOT));
      if (Files.isRegularFile(dir.resolve("javac.args"))) {
        configs.put(config, dir);
      }
    }
    if (!configs.containsKey(CompileConfig.PLAIN)) {
      System.err.println(
          "no " + inputDir.resolve("plain/javac.args") + ": run CompileHarness first");
      System.exit(2);
    }
    Map<CompileConfig, List<double[]>> measured = new LinkedHashMap<>();
    boolean failed = false;
    for (int round = 0; round < rounds + warmups; round++) {
      for (Map.Entry<CompileConfig, Path> e : configs.entrySet()) {
        double[] run = compileOnce(javac, e.getValue());
        boolean ok = run[2] == 0 && (e.getKey() == CompileConfig.PLAIN || run[3] == 0);
        failed |= !ok;
        System.out.printf(
            Locale.ROOT,
            "round %d%s %-8s wall %6.2f s  javac thread %6.2f s  exit %d  [abiguard lines %d%n",
            round,
            round < warmups ? " (warm-up)" : "",
            e.getKey(),
            run[0],
            run[1],
            (int) run[2],
            (int) run[3]);
        if (round >= warmups) {
          measured.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(run);
        }
      }
    }
    double plainWall = median(measured.get(CompileConfig.PLAIN), 0);
    double plainCpu = median(measured.get(CompileConfig.PLAIN), 1);
    System.out.printf(
        Locale.ROOT,
        "%nmedians of %d rounds after %d warm-ups, one JVM (%s %s):%n",
        rounds,
        warmups,
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"));
    System.out.println("| configuration | wall s | ratio | javac-thread CPU s | ratio |");
    System.out.println("|---|---:|---:|---:|---:|");
    for (Map.Entry<CompileConfig, List<double[]>> e : measured.entrySet()) {
      double wall = median(e.getValue(), 0);
      double cpu = median(e.getValue(), 1);
      System.out.printf(
          Locale.ROOT,
          "| %s | %.2f | %.3f | %.2f | %.3f |%n",
          e.getKey().label,
          wall,
          wall / plainWall,
          cpu,
          cpu / plainCpu);
    }
    if (failed) {
      System.out.println("FAILED: a compilation exited non-zero or printed an [abiguard line");
      System.exit(1);
    }
  }

  /** One compilation: {wall s, javac-thread CPU s, exit code, [abiguard line count}. */
  private static double[] compileOnce(JavaCompiler javac, Path configDir) throws IOException {
    for (String output : List.of("classes", "generated")) {
      JavacLauncher.deleteRecursively(configDir.resolve(output));
      Files.createDirectories(configDir.resolve(output));
    }
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    int exit;
    try (PrintStream err = new PrintStream(log, true, StandardCharsets.UTF_8)) {
      exit = javac.run(null, err, err, "@" + configDir.resolve("javac.args"));
    }
    double wall = (System.nanoTime() - start) / 1e9;
    double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    long abiguardLines =
        log.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(ABIGUARD)).count();
    System.gc();
    return new double[] {wall, cpu, exit, abiguardLines};
  }

  private static double median(List<double[]> runs, int column) {
    List<Double> values = new ArrayList<>();
    runs.forEach(r -> values.add(r[column]));
    Collections.sort(values);
    int n = values.size();
    return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
  }
}
