package org.abiguard.benchmarks.engine;

import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticListener;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * One in-process javac compilation ({@code javax.tools}, this JVM's javac) with an
 * {@link EngineProcessor} laid out as asked, and what it measured.
 */
final class EngineRun {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** What one compilation measured. Segment times are in the layout's order. */
  record Result(List<EngineProcessor.Slot> layout, long[] segmentNanos, int events, int orderViolations,
      long javacWallNanos, long javacThreadNanos, boolean success, int errors, List<String> firstErrors,
      int abiguardDiagnostics, List<Integer> abiguardSegments, List<Diag> abiguard, int guardMethods, EngineStats cf,
      List<SinkFinding> findings) {

    /** The thread CPU nanoseconds of the first segment holding {@code slot}, or -1. */
    long nanos(EngineProcessor.Slot slot) {
      int i = layout.indexOf(slot);
      return i < 0 ? -1 : segmentNanos[i];
    }
  }

  /** A diagnostic of abiguard's guard: position and message. */
  record Diag(String file, long line, long column, String message) {}

  private EngineRun() {}

  static Result compile(List<Path> sources, List<Path> classpath, List<String> options, Path out,
      List<EngineProcessor.Slot> layout, boolean everyMethod, long burnNanos) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no system Java compiler: run on a JDK");
    }
    deleteRecursively(out);
    Files.createDirectories(out);
    Bracket bracket = new Bracket(layout.size() + 1);
    Findings findings = new Findings();
    EngineStats stats = new EngineStats();
    List<String> errors = new ArrayList<>();
    int[] errorCount = {0};
    List<Integer> abiguardSegments = new ArrayList<>();
    List<Diag> abiguard = new ArrayList<>();
    DiagnosticListener<JavaFileObject> listener = d -> {
      String message = d.getMessage(Locale.ROOT);
      if (message.contains("[abiguard")) {
        abiguardSegments.add(bracket.currentSegment());
        abiguard.add(new Diag(d.getSource() == null ? "" : d.getSource().getName(), d.getLineNumber(),
            d.getColumnNumber(), message));
      }
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errorCount[0]++;
        if (errors.size() < 5) {
          errors.add((d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ") + message);
        }
      }
    };
    List<String> args = new ArrayList<>(options);
    args.add("-classpath");
    args.add(classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
    args.add("-d");
    args.add(out.toString());
    try (StandardJavaFileManager files = javac.getStandardFileManager(listener, Locale.ROOT, StandardCharsets.UTF_8);
        GuardMethodCounter guardMethods = new GuardMethodCounter()) {
      JavacTask task = (JavacTask) javac.getTask(null, files, listener, args, null, files.getJavaFileObjectsFromPaths(sources));
      task.setProcessors(List.of(new EngineProcessor(layout, bracket, findings, stats, everyMethod, burnNanos)));
      long cpu0 = THREADS.getCurrentThreadCpuTime();
      long wall0 = System.nanoTime();
      boolean ok = task.call();
      long wall = System.nanoTime() - wall0;
      long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
      long[] segments = new long[layout.size()];
      for (int i = 0; i < segments.length; i++) {
        segments[i] = bracket.segmentNanos(i);
      }
      return new Result(layout, segments, bracket.events(), bracket.orderViolations(), wall, cpu, ok, errorCount[0],
          errors, abiguardSegments.size(), abiguardSegments, abiguard, guardMethods.count(), stats, findings.all());
    } finally {
      deleteRecursively(out);
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
