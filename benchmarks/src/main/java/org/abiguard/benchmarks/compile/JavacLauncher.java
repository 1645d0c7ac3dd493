package org.abiguard.benchmarks.compile;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs one compilation in a fresh JVM ({@link JavacRun}) of the chosen JDK, into empty output
 * directories, and collects its time, exit code and diagnostics.
 */
final class JavacLauncher {
  private static final Pattern RESULT =
      Pattern.compile(
          JavacRun.RESULT
              + " exit=(-?\\d+) wallNanos=(\\d+) cpuNanos=(-?\\d+) threadCpuNanos=(-?\\d+)");
  private static final Pattern ERRORS = Pattern.compile("(?m)^(\\d+) errors?$");
  private static final Pattern WARNINGS = Pattern.compile("(?m)^(\\d+) warnings?$");
  private static final String ABIGUARD = "[abiguard";

  private final Path javaExecutable;
  private final String harnessClasspath;
  private final Path processorJar;
  private final Path baselineJar;
  private final Path emptyProcessor;
  private final Path replayProcessor;
  private final List<String> processorOptions;
  private final Path work;
  private final Map<String, List<Path>> pregenerated = new HashMap<>();

  /**
   * @param javaHome the JDK whose javac is measured
   * @param harnessClasspath where {@link JavacRun} is
   * @param processorJar the self-contained abiguard processor jar
   * @param baselineJar the processor jar of {@link CompileConfig#BASELINE}, or null if not measured
   * @param emptyProcessor the processor path of the empty processor, or null if not measured
   * @param replayProcessor the processor path of the replay processor, or null if not measured
   * @param processorOptions {@code -A} options for the abiguard configuration
   * @param work a directory for output and logs
   */
  JavacLauncher(
      Path javaHome,
      String harnessClasspath,
      Path processorJar,
      Path baselineJar,
      Path emptyProcessor,
      Path replayProcessor,
      List<String> processorOptions,
      Path work) {
    this.javaExecutable = javaHome.resolve("bin").resolve("java");
    this.harnessClasspath = harnessClasspath;
    this.processorJar = processorJar;
    this.baselineJar = baselineJar;
    this.emptyProcessor = emptyProcessor;
    this.replayProcessor = replayProcessor;
    this.processorOptions = List.copyOf(processorOptions);
    this.work = work;
  }

  /**
   * Copies the sources the last abiguard run of {@code input} generated, for the {@link
   * CompileConfig#GENERATED} and {@link CompileConfig#REPLAY} runs; returns how many there are.
   */
  int snapshotGenerated(CompileInput input) throws IOException {
    Path generated = directory(input, CompileConfig.ABIGUARD).resolve("generated");
    Path snapshot = snapshot(input);
    deleteRecursively(snapshot);
    List<Path> copies = new ArrayList<>();
    try (Stream<Path> files = Files.walk(generated)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        Path copy = snapshot.resolve(generated.relativize(file));
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy);
        copies.add(copy);
      }
    }
    pregenerated.put(input.name(), List.copyOf(copies));
    return copies.size();
  }

  /** Where {@link #snapshotGenerated} keeps the sources abiguard generated for {@code input}. */
  private Path snapshot(CompileInput input) {
    return work.resolve(input.name()).resolve("generated-snapshot");
  }

  /** The directory of {@code input}'s runs in {@code config}: output, logs, argfile. */
  Path directory(CompileInput input, CompileConfig config) {
    return work.resolve(input.name()).resolve(config.name().toLowerCase(Locale.ROOT));
  }

  /** Compiles {@code input} once in configuration {@code config}; {@code tag} names the log. */
  RunResult run(CompileInput input, CompileConfig config, String tag)
      throws IOException, InterruptedException {
    return run(input, config, tag, List.of());
  }

  /** As {@link #run(CompileInput, CompileConfig, String)}, with options for the child JVM. */
  RunResult run(CompileInput input, CompileConfig config, String tag, List<String> jvmOptions)
      throws IOException, InterruptedException {
    Path dir = directory(input, config);
    Path classes = dir.resolve("classes");
    Path generated = dir.resolve("generated");
    deleteRecursively(classes);
    deleteRecursively(generated);
    Files.createDirectories(classes);
    Files.createDirectories(generated);
    Path argfile = dir.resolve("javac.args");
    Files.write(argfile, arguments(input, config, classes, generated), StandardCharsets.UTF_8);
    Path log = dir.resolve("javac-" + tag + ".log");

    List<String> command = new ArrayList<>();
    command.add(javaExecutable.toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", harnessClasspath, JavacRun.class.getName(), "@" + argfile));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectError(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    long start = System.nanoTime();
    Process process = builder.start();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    double wall = (System.nanoTime() - start) / 1e9;

    Matcher result = RESULT.matcher(stdout);
    boolean reported = result.find();
    double cpu = reported ? Long.parseLong(result.group(3)) / 1e9 : Double.NaN;
    double threadCpu = reported ? Long.parseLong(result.group(4)) / 1e9 : Double.NaN;
    String output = Files.readString(log, StandardCharsets.UTF_8);
    return new RunResult(
        config,
        wall,
        cpu,
        threadCpu,
        exit,
        countLinesWith(output, ABIGUARD),
        count(ERRORS, output),
        count(WARNINGS, output),
        countFiles(generated, ".java"),
        log);
  }

  private List<String> arguments(
      CompileInput input, CompileConfig config, Path classes, Path generated) {
    List<String> args = new ArrayList<>();
    args.add("-d");
    args.add(classes.toString());
    args.add("-s");
    args.add(generated.toString());
    if (!input.classpath().isEmpty()) {
      args.add("-cp");
      args.add(
          String.join(File.pathSeparator, input.classpath().stream().map(Path::toString).toList()));
    }
    args.addAll(List.of("-Xmaxerrs", "100000", "-Xmaxwarns", "100000"));
    args.addAll(input.options());
    args.addAll(
        config.options(
            processorJar, baselineJar, emptyProcessor, replayProcessor, processorOptions));
    if (config == CompileConfig.REPLAY) {
      args.add("-A" + HarnessProcessors.REPLAY_OPTION + "=" + snapshot(input));
    }
    input.sources().forEach(source -> args.add(source.toString()));
    if (config == CompileConfig.GENERATED) {
      pregenerated
          .getOrDefault(input.name(), List.of())
          .forEach(source -> args.add(source.toString()));
    }
    return args.stream().map(JavacLauncher::quote).toList();
  }

  /** Quotes one argument for a javac {@code @argfile}. */
  private static String quote(String arg) {
    return "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static int countLinesWith(String output, String marker) {
    return (int) output.lines().filter(line -> line.contains(marker)).count();
  }

  private static int count(Pattern summary, String output) {
    Matcher m = summary.matcher(output);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static int countFiles(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return (int) files.filter(f -> f.toString().endsWith(suffix)).count();
    }
  }

  private static File nullDevice() {
    return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  /** Deletes {@code dir} and everything under it, if it exists. */
  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(JavacLauncher::delete);
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
