package org.abiguard.benchmarks.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the engines model {@code try}/{@code catch}/{@code finally} differently: four small
 * programs whose right verdict is known (a u32 value narrowed to u16 in a {@code catch} or
 * {@code finally} block, or not), each compiled once with both engines, their verdicts
 * printed beside the right one. The Checker Framework CFG has an exceptional edge from each
 * node that can throw and copies {@code finally} per exit; abiguard's interpreter
 * approximates.
 */
final class ExceptionalFlowProbe {
  /** A program and the line of its one narrowing, or 0 when it has none. */
  private record Program(String name, int narrowingLine, String source) {}

  private static final String HEADER = """
      package probe;
      import org.abiguard.U16;
      import org.abiguard.U32;
      class Req {
        @U32 long space;
      }
      """;

  private static final List<Program> PROGRAMS = List.of(
      new Program("return inside try, finally sees the unchecked value", 17, HEADER + """
          class FinallyAfterEarlyReturn {
            static void addOne(@U16 int space) {}
            static int add(Req r) {
              long space = r.space;
              try {
                if (space > 0xFFFF) {
                  return -22;
                }
                return 0;
              } finally {
                addOne((int) space);
              }
            }
          }
          """),
      new Program("check before try, finally sees only checked values", 0, HEADER + """
          class FinallyAfterCheck {
            static void addOne(@U16 int space) {}
            static void work() {}
            static void add(Req r) {
              long space = r.space;
              if (space > 0xFFFF) {
                return;
              }
              try {
                work();
              } finally {
                addOne((int) space);
              }
            }
          }
          """),
      new Program("a call that can throw after an unchecked assignment reaches catch", 19, HEADER + """
          class CatchAfterThrowingCall {
            static void addOne(@U16 int space) {}
            static void work() {}
            static void add(Req r) {
              long space = 0;
              try {
                space = 7;
                work();
                space = r.space;
                work();
                space = 9;
              } catch (RuntimeException e) {
                addOne((int) space);
              }
            }
          }
          """),
      new Program("try body that cannot throw, finally sees only the masked value", 0, HEADER + """
          class FinallyAfterMask {
            static void addOne(@U16 int space) {}
            static void add(Req r) {
              long space = r.space;
              try {
                space = space & 0xFFFF;
              } finally {
                addOne((int) space);
              }
            }
          }
          """));

  private ExceptionalFlowProbe() {}

  static List<String> run(Path annotationsJar, Path work) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Program p : PROGRAMS) {
      String className = p.source().substring(p.source().lastIndexOf("\nclass ") + 7).split("[ {]")[0];
      Path src = work.resolve("exceptional-src/probe/" + className + ".java");
      Files.createDirectories(src.getParent());
      Files.writeString(src, p.source(), StandardCharsets.UTF_8);
      EngineRun.Result r = EngineRun.compile(List.of(src), List.of(annotationsJar), List.of("--release", "17"),
          work.resolve("exceptional-out"), List.of(EngineProcessor.Slot.GUARD, EngineProcessor.Slot.CF), true, 0);
      List<Long> guard = r.abiguard().stream().map(EngineRun.Diag::line).toList();
      List<Long> cf = r.findings().stream().map(SinkFinding::line).toList();
      List<Long> right = p.narrowingLine() == 0 ? List.of() : List.of((long) p.narrowingLine());
      lines.add("  " + className + " (" + p.name() + "): right " + verdict(right) + "; abiguard guard "
          + verdict(guard) + (guard.equals(right) ? " (right)" : " (WRONG)") + "; CF prototype " + verdict(cf)
          + (cf.equals(right) ? " (right)" : " (WRONG)") + (r.cf().cfgFailures + r.cf().analysisFailures > 0
          ? " CF failures " + r.cf().failures : ""));
    }
    return lines;
  }

  private static String verdict(List<Long> lines) {
    return lines.isEmpty() ? "no narrowing" : "narrowing on line " + lines;
  }
}
