package org.abiguard.benchmarks.compile;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The harness's command line.
 *
 * @param processorJar the self-contained abiguard processor jar
 * @param baselineProcessor another abiguard processor jar measured beside it (before/after), or
 *     null
 * @param annotationsJar the abiguard annotations jar
 * @param reps measured runs per configuration and input
 * @param warmups unmeasured runs per configuration and input, before the measured ones
 * @param out the work directory: generated code, javac output, logs, results
 * @param sizes struct counts of the synthetic codebases (empty: none)
 * @param methodsPerStruct flow methods per struct in the synthetic codebases
 * @param guava Guava's sources jar, or null
 * @param guavaClasspath Guava's compile class path, or empty to find it in the local repository
 * @param projects further real projects without a compile class path: name to sources jar
 * @param jdk the JDK whose javac is measured
 * @param processorOptions {@code -A} options for the abiguard runs
 * @param decompose also measure javac with a do-nothing processor ({@link HarnessProcessors}) and
 *     plain javac over the input plus abiguard's generated sources, which splits abiguard's cost
 * @param profileRuns after the timed runs, profile this many abiguard runs per input ({@link
 *     Profile}); 0: none
 */
record HarnessOptions(
    Path processorJar,
    Path baselineProcessor,
    Path annotationsJar,
    int reps,
    int warmups,
    Path out,
    List<Integer> sizes,
    int methodsPerStruct,
    Path guava,
    List<Path> guavaClasspath,
    Map<String, Path> projects,
    Path jdk,
    List<String> processorOptions,
    boolean decompose,
    int profileRuns) {

  static final String USAGE =
      """
      usage: java -cp benchmarks/target/classes org.abiguard.benchmarks.compile.CompileHarness
          --processor processor/target/abiguard-processor-0.1.0-SNAPSHOT.jar
          --annotations annotations/target/abiguard-annotations-0.1.0-SNAPSHOT.jar
          [--baseline-processor OTHER-abiguard-processor.jar]
          [--reps 5] [--warmups 1] [--out DIR] [--sizes 500,1000 | --sizes none]
          [--methods-per-struct 10] [--guava PATH-to-guava-sources-jar [--guava-classpath CP]]
          [--project NAME=PATH-to-sources-jar ...]
          [--jdk JAVA_HOME] [--processor-option -Aabiguard.abis=x86_64,i386 ...] [--decompose]
          [--profile | --profile-runs N]""";

  /** Parses {@code args}; throws {@link IllegalArgumentException} with the problem. */
  static HarnessOptions parse(String[] args) {
    Path processor = null;
    Path baseline = null;
    Path annotations = null;
    int reps = 5;
    int warmups = 1;
    Path out = Path.of("benchmarks", "target", "compile-harness");
    List<Integer> sizes = List.of(500, 1000);
    int methodsPerStruct = 10;
    Path guava = null;
    List<Path> guavaClasspath = List.of();
    Map<String, Path> projects = new LinkedHashMap<>();
    Path jdk = Path.of(System.getProperty("java.home"));
    List<String> processorOptions = new ArrayList<>();
    boolean decompose = false;
    int profileRuns = 0;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--decompose") || option.equals("--profile")) {
        decompose |= option.equals("--decompose");
        profileRuns = option.equals("--profile") ? Math.max(profileRuns, 1) : profileRuns;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value after " + option);
      }
      String value = args[++i];
      switch (option) {
        case "--processor" -> processor = Path.of(value);
        case "--annotations" -> annotations = Path.of(value);
        case "--baseline-processor" -> baseline = Path.of(value);
        case "--reps" -> reps = positive(option, value);
        case "--warmups" -> warmups = Integer.parseInt(value);
        case "--out" -> out = Path.of(value);
        case "--sizes" ->
            sizes =
                value.equals("none")
                    ? List.of()
                    : Arrays.stream(value.split(",")).map(s -> positive(option, s.trim())).toList();
        case "--methods-per-struct" -> methodsPerStruct = Integer.parseInt(value);
        case "--guava" -> guava = Path.of(value);
        case "--guava-classpath" ->
            guavaClasspath = Arrays.stream(value.split(File.pathSeparator)).map(Path::of).toList();
        case "--project" -> {
          int eq = value.indexOf('=');
          if (eq <= 0) {
            throw new IllegalArgumentException("--project needs NAME=PATH: " + value);
          }
          projects.put(value.substring(0, eq), Path.of(value.substring(eq + 1)));
        }
        case "--jdk" -> jdk = Path.of(value);
        case "--processor-option" -> processorOptions.add(value);
        case "--profile-runs" -> profileRuns = positive(option, value);
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    if (processor == null || annotations == null) {
      throw new IllegalArgumentException("--processor and --annotations are required");
    }
    return new HarnessOptions(
        processor,
        baseline,
        annotations,
        reps,
        warmups,
        out,
        sizes,
        methodsPerStruct,
        guava,
        guavaClasspath,
        Collections.unmodifiableMap(projects),
        jdk,
        List.copyOf(processorOptions),
        decompose,
        profileRuns);
  }

  /** The configurations to measure, in the order each repetition runs them. */
  List<CompileConfig> configs() {
    List<CompileConfig> configs = new ArrayList<>(List.of(CompileConfig.PLAIN));
    if (decompose) {
      configs.addAll(List.of(CompileConfig.EMPTY, CompileConfig.GENERATED, CompileConfig.REPLAY));
    }
    if (baselineProcessor != null) {
      configs.add(CompileConfig.BASELINE);
    }
    configs.add(CompileConfig.ABIGUARD);
    return List.copyOf(configs);
  }

  private static int positive(String option, String value) {
    int n = Integer.parseInt(value);
    if (n <= 0) {
      throw new IllegalArgumentException(option + " needs a positive number: " + value);
    }
    return n;
  }
}
