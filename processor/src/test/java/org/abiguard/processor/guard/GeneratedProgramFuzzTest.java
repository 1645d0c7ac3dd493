package org.abiguard.processor.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.abiguard.processor.AbiGuardProcessor;
import org.junit.jupiter.api.Test;

/**
 * Runs the guard over many generated method bodies ({@link ProgramGenerator}: every statement and
 * expression kind of Java 17 up to the running javac's, capped at 25) and requires that it never
 * fails inside: no {@code [abiguard] internal error}, in lenient and in strict mode. The programs
 * must be valid Java, so a javac error other than abiguard's fails the test too. {@code
 * -Dabiguard.fuzz.methods=N} sets how many methods (default 10,000), and {@code
 * -Dabiguard.fuzz.seed=S} the first seed; a failure names the seed and shows the program.
 */
class GeneratedProgramFuzzTest {
  private static final int METHODS = Integer.getInteger("abiguard.fuzz.methods", 10_000);
  private static final long SEED = Long.getLong("abiguard.fuzz.seed", 20261129L);
  private static final int PER_CLASS = 200;

  /** The guard runs when javac's flow analysis is done: lowering and class files are not needed. */
  private static final String STOP = "-XDshould-stop.ifNoError=FLOW";

  @Test
  void noInternalErrorOverGeneratedMethods() {
    int feature = Math.min(Runtime.version().feature(), 25);
    int done = 0;
    int findings = 0;
    List<String> failures = new ArrayList<>();
    for (int batch = 0; done < METHODS; batch++) {
      long seed = SEED + batch;
      int methods = Math.min(PER_CLASS, METHODS - done);
      String name = "Fuzz" + batch;
      String source = new ProgramGenerator(seed, feature).compilationUnit(name, methods);
      JavaFileObject file = JavaFileObjects.forSourceString("fuzz." + name, source);
      // javac reports 100 errors at most by default, which would hide internal errors behind
      // findings
      List<String> options =
          batch % 2 == 0
              ? List.of("-proc:full", STOP, "-Xmaxerrs", "1000000")
              : List.of("-proc:full", STOP, "-Xmaxerrs", "1000000", "-Aabiguard.mode=strict");
      Compilation c =
          Compiler.javac()
              .withProcessors(new AbiGuardProcessor())
              .withOptions(
                  options.subList(Runtime.version().feature() >= 21 ? 0 : 1, options.size()))
              .compile(file);
      for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
        String m = d.getMessage(Locale.ROOT);
        boolean internal = m.startsWith("[abiguard] internal error");
        findings += m.startsWith("[abiguard:") ? 1 : 0;
        boolean javacError = d.getKind() == Diagnostic.Kind.ERROR && !m.startsWith("[abiguard:");
        if (internal || javacError) {
          failures.add(
              "seed "
                  + seed
                  + " "
                  + options
                  + ", line "
                  + d.getLineNumber()
                  + ": "
                  + m.lines().limit(8).reduce((a, b) -> a + "\n" + b).orElse("")
                  + "\n    "
                  + lineOf(source, d.getLineNumber()));
        }
      }
      if (!failures.isEmpty() && failures.size() < 5 && done == 0) {
        System.err.println(source);
      }
      done += methods;
    }
    System.out.println(
        "guard fuzz: "
            + done
            + " generated methods, "
            + failures.size()
            + " internal or javac errors, "
            + findings
            + " findings of the guard");
    assertEquals(
        "",
        String.join("\n", failures.subList(0, Math.min(20, failures.size()))),
        failures.size() + " failures over " + done + " methods");
  }

  private static String lineOf(String source, long line) {
    List<String> lines = source.lines().toList();
    return line >= 1 && line <= lines.size() ? lines.get((int) line - 1).strip() : "";
  }
}
