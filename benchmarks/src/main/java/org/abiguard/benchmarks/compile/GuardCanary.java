package org.abiguard.benchmarks.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A tiny input with exactly one narrowing (the Xen 4.4-rc2 shape: a u32 member passed to a u16
 * parameter), compiled once with abiguard before the measurements. If the guard reports it, the
 * measured runs really ran the flow guard; if not, the figures only measure what the processor does
 * without it, and the report says so.
 */
final class GuardCanary {
  /**
   * The canary's outcome; {@code notRun} is why javac did not compile it at all (null when it did):
   * a JVM that cannot load the harness's launcher, say, whose every measured run would fail too.
   */
  record Result(int narrowings, int generatedSources, boolean guardActive, String notRun) {}

  private GuardCanary() {}

  static Result run(JavacLauncher launcher, Path annotationsJar, Path work)
      throws IOException, InterruptedException {
    Path root = work.resolve("canary-sources").resolve("canary");
    Files.createDirectories(root);
    Path struct = root.resolve("Physmap.java");
    Files.writeString(
        struct,
        """
        package canary;

        import org.abiguard.AbiStruct;
        import org.abiguard.U32;

        @AbiStruct(name = "xen_add_to_physmap")
        public class Physmap {
          @U32 public long space;
        }
        """,
        StandardCharsets.UTF_8);
    Path call = root.resolve("Call.java");
    Files.writeString(
        call,
        """
        package canary;

        import org.abiguard.U16;

        final class Call {
          static int addToPhysmapOne(@U16 int space) {
            return space;
          }

          static int addToPhysmap(Physmap xatp) {
            return addToPhysmapOne((int) xatp.space);
          }
        }
        """,
        StandardCharsets.UTF_8);
    CompileInput input =
        new CompileInput(
            "canary",
            "one narrowing",
            List.of(struct, call),
            List.of(annotationsJar),
            List.of("--release", "17"),
            20);
    RunResult result = launcher.run(input, CompileConfig.ABIGUARD, "canary");
    String log = Files.readString(result.log());
    int narrowings = (int) log.lines().filter(l -> l.contains("[abiguard:narrowing]")).count();
    // the narrowing is an error, so javac exits 1; exiting without any error, it never ran
    String notRun =
        result.exitCode() != 0 && result.errors() == 0 && narrowings == 0
            ? log.lines().filter(l -> !l.isBlank()).findFirst().orElse("no output")
                + " (log "
                + result.log()
                + ")"
            : null;
    return new Result(narrowings, result.generatedSources(), narrowings == 1, notRun);
  }
}
