package org.abiguard.benchmarks.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs the Checker Framework prototype and abiguard's guard over abiguard's guard corpus with
 * this JVM's javac, one compilation per program, every method analysed by the prototype:
 * counts programs where the CF CFG construction or analysis throws, and compares the
 * prototype's argument findings with the corpus expectations (argument sinks only; programs
 * with processor options or {@code @SuppressWarnings} are not compared, the prototype knows
 * neither). abiguard's own diagnostics in the same compilation are compared too, as a check
 * that the expectations were read right.
 *
 * <pre>
 * java @benchmarks/engine-jvm.args -cp benchmarks/target/benchmarks.jar:processor/target/abiguard-processor-0.1.0-SNAPSHOT.jar \
 *     org.abiguard.benchmarks.engine.CorpusCheck --annotations annotations/target/abiguard-annotations-0.1.0-SNAPSHOT.jar \
 *     --corpus processor/src/test/resources/guard/corpus
 * </pre>
 */
public final class CorpusCheck {
  private CorpusCheck() {}

  public static void main(String[] args) throws IOException {
    Path annotations = null;
    Path corpus = Path.of("processor/src/test/resources/guard/corpus");
    boolean verbose = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--annotations" -> annotations = Path.of(args[++i]);
        case "--corpus" -> corpus = Path.of(args[++i]);
        case "--verbose" -> verbose = true;
        default -> {
          System.err.println("unknown option " + args[i]);
          System.exit(2);
        }
      }
    }
    if (annotations == null) {
      System.err.println("--annotations <abiguard-annotations jar> is required");
      System.exit(2);
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(corpus)) {
      files = walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
    Path out = Files.createTempDirectory("corpus-check");
    int cfFailed = 0;
    int compared = 0;
    int agree = 0;
    int withArguments = 0;
    int agreeWithArguments = 0;
    int guardAgree = 0;
    int methods = 0;
    int lambdas = 0;
    List<String> failures = new ArrayList<>();
    List<String> guardMismatches = new ArrayList<>();
    List<String> disagreements = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Path file : files) {
      CorpusProgram program = CorpusProgram.read(corpus, file);
      if (program.release() > Runtime.version().feature()) {
        skipped.add(program.name() + " (needs javac " + program.release() + ")");
        continue;
      }
      EngineRun.Result r = EngineRun.compile(List.of(file), List.of(annotations.toAbsolutePath()),
          List.of("--release", String.valueOf(program.release())), out,
          List.of(EngineProcessor.Slot.GUARD, EngineProcessor.Slot.CF), true, 0);
      methods += r.cf().methods;
      lambdas += r.cf().lambdas;
      if (r.cf().cfgFailures + r.cf().analysisFailures > 0) {
        cfFailed++;
        failures.add(program.name() + ": " + r.cf().failures);
      }
      Set<String> guard = r.abiguard().stream().map(d -> d.line() + ":" + d.column()).collect(Collectors.toCollection(TreeSet::new));
      Set<String> all = program.expected().stream().map(e -> e.line() + ":" + e.column()).collect(Collectors.toCollection(TreeSet::new));
      if (guard.equals(all)) {
        guardAgree++;
      } else {
        guardMismatches.add(program.name() + (program.hasOptions() ? " (has OPTIONS)" : "") + ": expected " + all
            + ", guard reported " + guard);
      }
      if (!program.comparable()) {
        continue;
      }
      compared++;
      Set<String> expected = program.argumentExpectations().stream().map(e -> e.line() + ":" + e.column())
          .collect(Collectors.toCollection(TreeSet::new));
      Set<String> found = r.findings().stream().map(f -> f.line() + ":" + f.column()).collect(Collectors.toCollection(TreeSet::new));
      if (!expected.isEmpty()) {
        withArguments++;
      }
      if (expected.equals(found)) {
        agree++;
        if (!expected.isEmpty()) {
          agreeWithArguments++;
        }
        if (verbose) {
          System.out.println("agree " + program.name() + " " + expected);
        }
        continue;
      }
      List<String> missed = new ArrayList<>();
      for (CorpusProgram.Expectation e : program.argumentExpectations()) {
        if (!found.contains(e.line() + ":" + e.column())) {
          missed.add(e.line() + ":" + e.column() + " " + e.text().substring(0, Math.min(110, e.text().length())));
        }
      }
      List<String> extra = new ArrayList<>();
      for (SinkFinding f : r.findings()) {
        if (!expected.contains(f.line() + ":" + f.column())) {
          String other = program.expected().stream().filter(e -> e.line() == f.line() && e.column() == f.column())
              .map(e -> " (the corpus expects here: " + e.text().substring(0, Math.min(60, e.text().length())) + ")")
              .findFirst().orElse("");
          extra.add(f.line() + ":" + f.column() + " " + f.value() + " into " + f.callee() + " " + f.accepted() + other);
        }
      }
      disagreements.add(program.name() + "\n      missed: " + missed + "\n      extra: " + extra);
    }
    List<String> probe = ModernProbe.run(annotations.toAbsolutePath(), out);
    List<String> exceptional = ExceptionalFlowProbe.run(annotations.toAbsolutePath(), out);
    EngineRun.deleteRecursively(out);
    System.out.println("JDK " + System.getProperty("java.version") + ": " + files.size() + " corpus programs, prototype analysed "
        + methods + " methods and " + lambdas + " lambdas");
    System.out.println("programs where CF CFG construction or analysis threw: " + cfFailed);
    failures.forEach(f -> System.out.println("  " + f));
    if (!skipped.isEmpty()) {
      System.out.println("skipped, newer Java than this javac: " + skipped);
    }
    System.out.println("abiguard's guard matched every expectation (line and column) in " + guardAgree + " of "
        + (files.size() - skipped.size()) + " programs");
    guardMismatches.forEach(g -> System.out.println("  " + g));
    System.out.println(String.format(Locale.ROOT,
        "prototype verdict compared in %d programs (default options, no @SuppressWarnings): agrees in %d, disagrees in %d",
        compared, agree, compared - agree));
    System.out.println(String.format(Locale.ROOT,
        "  of these, %d expect an argument-sink diagnostic (the prototype agrees in %d) and %d expect none at an"
            + " argument (the prototype agrees, i.e. reports nothing, in %d)",
        withArguments, agreeWithArguments, compared - withArguments, agree - agreeWithArguments));
    disagreements.forEach(d -> System.out.println("  " + d));
    System.out.println("newer language features, compiled with --release " + Runtime.version().feature() + ":");
    probe.forEach(System.out::println);
    System.out.println("try/catch/finally, where the engines' models differ:");
    exceptional.forEach(System.out::println);
  }
}
