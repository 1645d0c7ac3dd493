package org.abiguard.benchmarks.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Does the Checker Framework's CFG builder handle the trees of language features newer than
 * the corpus's Java 17? Compiles one small program per feature with {@code --release} of the
 * running JDK and lets the prototype build and analyse every method: record patterns and
 * guarded patterns in {@code switch} (Java 21), unnamed variables {@code _} (Java 22),
 * statements before {@code super(...)} (Java 25), a compact source file with an instance
 * {@code main} (Java 25). Features the running JDK does not have are skipped.
 */
final class ModernProbe {
  private record Feature(String name, int since, String file, String source) {}

  private static final List<Feature> FEATURES = List.of(
      new Feature("record patterns and guards in switch", 21, "probe/Patterns.java", """
          package probe;
          import org.abiguard.U16;
          sealed interface Shape permits Box, Dot {}
          record Box(int w, int h) implements Shape {}
          record Dot(int x) implements Shape {}
          class Patterns {
            static void put(@U16 int v) {}
            static int area(Shape s, @U16 int limit) {
              int a = switch (s) {
                case Box(int w, int h) when w > 0 -> w * h;
                case Box b -> 0;
                case Dot(var x) -> x;
              };
              if (s instanceof Box(int w, int h) && w < 10) {
                put(limit);
              }
              put(limit);
              return a;
            }
          }
          """),
      new Feature("unnamed variables and patterns", 22, "probe/Unnamed.java", """
          package probe;
          import org.abiguard.U16;
          class Unnamed {
            record Pair(int a, int b) {}
            static void put(@U16 int v) {}
            static int count(Iterable<String> xs, Object o, @U16 int limit) {
              int n = 0;
              for (String _ : xs) {
                n++;
              }
              if (o instanceof Pair(int a, _)) {
                n += a;
              }
              try {
                put(limit);
              } catch (RuntimeException _) {
                n--;
              }
              return n;
            }
          }
          """),
      new Feature("statements before super(...)", 25, "probe/Flexible.java", """
          package probe;
          import org.abiguard.U16;
          class Base {
            Base(int v) {}
          }
          class Flexible extends Base {
            static void put(@U16 int v) {}
            Flexible(@U16 int limit) {
              if (limit < 0) {
                throw new IllegalArgumentException();
              }
              put(limit);
              super(limit);
            }
          }
          """),
      new Feature("compact source file with an instance main", 25, "Compact.java", """
          import org.abiguard.U16;
          static void put(@U16 int v) {}
          void main() {
            int x = 5;
            put(x);
          }
          """));

  private ModernProbe() {}

  /** Lines describing each feature's outcome under the running JDK. */
  static List<String> run(Path annotationsJar, Path work) throws IOException {
    int feature = Runtime.version().feature();
    List<String> lines = new ArrayList<>();
    for (Feature f : FEATURES) {
      if (feature < f.since()) {
        lines.add("  " + f.name() + " (Java " + f.since() + "): skipped, this JDK is " + feature);
        continue;
      }
      Path src = work.resolve("probe-src").resolve(f.file());
      Files.createDirectories(src.getParent());
      Files.writeString(src, f.source(), StandardCharsets.UTF_8);
      EngineRun.Result r = EngineRun.compile(List.of(src), List.of(annotationsJar), List.of("--release", String.valueOf(feature)),
          work.resolve("probe-out"), List.of(EngineProcessor.Slot.GUARD, EngineProcessor.Slot.CF), true, 0);
      int failures = r.cf().cfgFailures + r.cf().analysisFailures;
      lines.add("  " + f.name() + " (Java " + f.since() + "): " + (r.success() ? "compiled" : "javac errors " + r.firstErrors())
          + ", prototype analysed " + r.cf().methods + " methods, " + failures + " failed"
          + (failures == 0 ? "" : " " + r.cf().failures) + ", guard diagnostics " + r.abiguardDiagnostics()
          + ", prototype findings " + r.findings().size());
    }
    return lines;
  }
}
