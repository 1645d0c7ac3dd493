package org.abiguard.processor.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.abiguard.processor.layout.TargetAbi;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the real C compilers of the three ABIs for tests: {@code gcc} for x86_64, {@code gcc -m32}
 * for i386, {@code aarch64-linux-gnu-gcc} for aarch64. Checks headers with {@code -fsyntax-only},
 * and builds and runs small programs where the host can execute them (x86_64 natively, i386 where
 * 32-bit programs link and run).
 *
 * <p>A test that needs a compiler calls {@link #assumeCompiler} (or {@link #assumeRunnable}): it is
 * skipped, with the reason, only when the compiler or runtime is absent.
 */
public final class CHarness {
  private static final long TIMEOUT_SECONDS = 120;
  private static final String PROBE =
      "#include <stdint.h>\n#include <stddef.h>\n#include <stdio.h>\n"
          + "int main(void) { printf(\"%zu\\n\", sizeof(void *)); return 0; }\n";

  private static final Map<TargetAbi, Optional<String>> COMPILER_PROBLEM =
      new EnumMap<>(TargetAbi.class);
  private static final Map<TargetAbi, Optional<String>> RUN_PROBLEM =
      new EnumMap<>(TargetAbi.class);

  /**
   * Whether i386 programs run under qemu-i386 here, the kernel not running them ({@link
   * #runProblem}).
   */
  private static volatile boolean i386UnderQemu;

  private CHarness() {}

  /** What a process printed (stdout and stderr merged) and how it ended. */
  public record Result(List<String> command, int exitCode, String output) {
    public boolean ok() {
      return exitCode == 0;
    }

    /** The command and its output, for assertion messages. */
    public String describe() {
      return String.join(" ", command) + " → exit " + exitCode + "\n" + output;
    }
  }

  /** The compiler command for {@code abi}. */
  public static List<String> compiler(TargetAbi abi) {
    return switch (abi) {
      case X86_64 -> List.of("gcc");
      case I386 -> List.of("gcc", "-m32");
      case AARCH64 -> List.of("aarch64-linux-gnu-gcc");
    };
  }

  /** Skips the calling test, with the reason, when {@code abi}'s compiler cannot compile C. */
  public static void assumeCompiler(TargetAbi abi) {
    Optional<String> problem = compilerProblem(abi);
    Assumptions.assumeTrue(problem.isEmpty(), () -> problem.orElse(""));
  }

  /**
   * Skips the calling test, with the reason, when programs for {@code abi} cannot be built and run
   * here.
   */
  public static void assumeRunnable(TargetAbi abi) {
    assumeCompiler(abi);
    Optional<String> problem = runProblem(abi);
    Assumptions.assumeTrue(problem.isEmpty(), () -> problem.orElse(""));
  }

  /** Why {@code abi}'s compiler cannot be used, if it cannot. */
  public static synchronized Optional<String> compilerProblem(TargetAbi abi) {
    return COMPILER_PROBLEM.computeIfAbsent(
        abi,
        a -> {
          Path dir = null;
          try {
            dir = Files.createTempDirectory("abiguard-cc-probe");
            Path probe = write(dir, "probe.c", PROBE);
            Result r = run(dir, with(compiler(a), "-fsyntax-only", probe.toString()));
            return r.ok()
                ? Optional.empty()
                : Optional.of(
                    "no working C compiler for "
                        + a.manifestName()
                        + " ("
                        + String.join(" ", compiler(a))
                        + "): "
                        + firstLine(r.output()));
          } catch (IOException | UncheckedIOException e) {
            return Optional.of(
                "no C compiler for "
                    + a.manifestName()
                    + " ("
                    + String.join(" ", compiler(a))
                    + "): "
                    + e.getMessage());
          } finally {
            deleteTree(dir);
          }
        });
  }

  /** Why programs for {@code abi} cannot be built and run on this host, if they cannot. */
  public static synchronized Optional<String> runProblem(TargetAbi abi) {
    return RUN_PROBLEM.computeIfAbsent(
        abi,
        a -> {
          String arch = System.getProperty("os.arch");
          boolean x86Host = arch.equals("amd64") || arch.equals("x86_64");
          boolean hostRuns =
              switch (a) {
                case X86_64, I386 -> x86Host;
                case AARCH64 -> arch.equals("aarch64");
              };
          if (!hostRuns) {
            return Optional.of(
                "this " + arch + " host cannot run " + a.manifestName() + " programs");
          }
          Path dir = null;
          try {
            dir = Files.createTempDirectory("abiguard-run-probe");
            Result r = buildAndRun(a, dir, "probe.c", PROBE, List.of());
            String expected = a.pointerBytes() + "\n";
            if (!(r.ok() && r.output().equals(expected)) && a == TargetAbi.I386) {
              // a kernel without 32-bit emulation: run them under qemu-i386, where installed
              Result emulated = buildAndRun(a, dir, "probe.c", PROBE, List.of("qemu-i386"));
              if (emulated.ok() && emulated.output().equals(expected)) {
                i386UnderQemu = true;
                return Optional.empty();
              }
            }
            return r.ok() && r.output().equals(expected)
                ? Optional.empty()
                : Optional.of(
                    a.manifestName()
                        + " programs do not build or run here: "
                        + firstLine(r.output()));
          } catch (IOException | UncheckedIOException e) {
            return Optional.of(
                a.manifestName() + " programs do not build or run here: " + e.getMessage());
          } finally {
            deleteTree(dir);
          }
        });
  }

  /**
   * {@code cc -std=c11 -pedantic-errors -Wall -Wextra -Werror -fsyntax-only -include <header>
   * -include abi-asserts.h -x c /dev/null}, as the SPEC tells users to check a mirror.
   *
   * @param header the C header with the real declarations
   */
  public static Result checkAsserts(TargetAbi abi, Path dir, Path header, String assertsText) {
    Path asserts = write(dir, "abi-asserts.h", assertsText);
    return run(
        dir,
        with(
            compiler(abi),
            "-std=c11",
            "-pedantic-errors",
            "-Wall",
            "-Wextra",
            "-Werror",
            "-fsyntax-only",
            "-include",
            header.toString(),
            "-include",
            asserts.toString(),
            "-x",
            "c",
            "/dev/null"));
  }

  /**
   * Skipped, with the reason, without the ABI's compiler; else {@link #checkAsserts} of {@code
   * assertsText} after a header of {@code headerText}, failing with the compiler's output unless
   * every assertion holds.
   */
  public static void assertAssertsHold(
      TargetAbi abi, Path dir, String headerText, String assertsText) {
    assumeCompiler(abi);
    Result r = checkAsserts(abi, dir, write(dir, "declarations.h", headerText), assertsText);
    if (!r.ok()) {
      throw new AssertionError("the C compiler refuses abi-asserts.h: " + r.output());
    }
  }

  /**
   * Compiles {@code source} (saved as {@code fileName} in {@code dir}, which is on the include
   * path) and runs it.
   */
  public static Result buildAndRun(TargetAbi abi, Path dir, String fileName, String source) {
    return buildAndRun(abi, dir, fileName, source, runner(abi));
  }

  /**
   * The command prefix that runs a program built for {@code abi} by its compiler ({@link
   * #compiler}) here, aarch64 aside: none, or {@code qemu-i386} for i386 on an x86_64 host whose
   * kernel has no 32-bit emulation ({@link #runProblem} finds out, once).
   */
  public static List<String> runner(TargetAbi abi) {
    if (abi != TargetAbi.I386) {
      return List.of();
    }
    runProblem(abi);
    return i386UnderQemu ? List.of("qemu-i386") : List.of();
  }

  private static Result buildAndRun(
      TargetAbi abi, Path dir, String fileName, String source, List<String> runner) {
    Path c = write(dir, fileName, source);
    Path exe = dir.resolve(fileName.replace(".c", "") + "-" + abi.manifestName());
    Result built =
        run(
            dir,
            with(
                compiler(abi),
                "-std=gnu11",
                "-O0",
                "-Wall",
                "-I",
                dir.toString(),
                "-o",
                exe.toString(),
                c.toString()));
    if (!built.ok()) {
      return built;
    }
    return run(dir, with(runner, exe.toString()));
  }

  /**
   * Why programs for {@code abi} cannot be built and run here, natively or (aarch64 on an x86 host)
   * statically linked under {@code qemu-aarch64}; empty when they can.
   */
  public static synchronized Optional<String> emulatedRunProblem(TargetAbi abi) {
    if (runProblem(abi).isEmpty()) {
      return Optional.empty();
    }
    if (abi != TargetAbi.AARCH64 || compilerProblem(abi).isPresent()) {
      return runProblem(abi).or(() -> compilerProblem(abi));
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("abiguard-qemu-probe");
      Result r = buildAndRunEmulated(abi, dir, "probe.c", PROBE, List.of());
      return r.ok() && r.output().equals("8\n")
          ? Optional.empty()
          : Optional.of(
              "aarch64 programs do not run under qemu-aarch64 here: " + firstLine(r.output()));
    } catch (IOException | UncheckedIOException e) {
      return Optional.of("aarch64 programs do not run here (no qemu-aarch64?): " + e.getMessage());
    } finally {
      deleteTree(dir);
    }
  }

  /**
   * Like {@link #buildAndRun}, with extra compiler arguments; aarch64 programs on a non-aarch64
   * host are linked statically and run under {@code qemu-aarch64}.
   */
  public static Result buildAndRunEmulated(
      TargetAbi abi, Path dir, String fileName, String source, List<String> extraArgs) {
    Path c = write(dir, fileName, source);
    Path exe = dir.resolve(fileName.replace(".c", "") + "-" + abi.manifestName());
    boolean emulate = abi == TargetAbi.AARCH64 && !System.getProperty("os.arch").equals("aarch64");
    List<String> command = new ArrayList<>(compiler(abi));
    command.addAll(List.of("-std=gnu11", "-O0", "-Wall", "-I", dir.toString()));
    if (emulate) {
      command.add("-static");
    }
    command.addAll(extraArgs);
    command.addAll(List.of("-o", exe.toString(), c.toString()));
    Result built = run(dir, command);
    if (!built.ok()) {
      return built;
    }
    return run(
        dir, emulate ? List.of("qemu-aarch64", exe.toString()) : with(runner(abi), exe.toString()));
  }

  /** Copies a classpath resource into {@code dir} under its simple file name. */
  public static Path copyResource(String resource, Path dir) {
    try (InputStream in = CHarness.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      Path target = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
      Files.write(target, in.readAllBytes());
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a UTF-8 file into {@code dir}. */
  public static Path write(Path dir, String fileName, String text) {
    try {
      return Files.writeString(dir.resolve(fileName), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs a command in {@code dir} with a timeout; stdout and stderr merged. */
  public static Result run(Path dir, List<String> command) {
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
    }
    try {
      p.getOutputStream().close();
      // read on another thread so that a chatty process cannot block on a full pipe
      var output =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> {
                try {
                  return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(
            String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
      }
      return new Result(command, p.exitValue(), output.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + String.join(" ", command), e);
    }
  }

  private static List<String> with(List<String> head, String... tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(List.of(tail));
    return all;
  }

  private static String firstLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }

  /** Deletes a probe's directory and what it holds: a probe leaves nothing behind. */
  private static void deleteTree(@Nullable Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
