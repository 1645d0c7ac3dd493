package org.abiguard.processor.codegen;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.testing.CHarness;

/**
 * A C program from the test resources, compiled with gcc and run at test time; the test is skipped
 * (not failed) where gcc, or its {@code -m32} multilib, is missing.
 */
final class CProgram {
  private final List<String> command;

  private CProgram(List<String> command) {
    this.command = command;
  }

  /**
   * Compiles the resource with {@code gcc -std=c11 -Wall -Wextra -Werror} and the given flags into
   * {@code dir}; skips the test if gcc cannot build or run programs with those flags.
   */
  static CProgram compile(String resource, Path dir, String... flags)
      throws IOException, InterruptedException {
    Path source = dir.resolve(Path.of(resource).getFileName());
    try (InputStream in = CProgram.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + resource);
      }
      Files.write(source, in.readAllBytes());
    }
    Path executable = dir.resolve("program" + String.join("", flags).replaceAll("[^a-z0-9]", ""));
    List<String> command =
        new ArrayList<>(List.of("gcc", "-std=c11", "-Wall", "-Wextra", "-Werror"));
    command.addAll(List.of(flags));
    command.addAll(List.of("-o", executable.toString(), source.toString()));
    Result result = run(command);
    assumeTrue(
        result != null && result.exitCode == 0,
        () ->
            "gcc "
                + String.join(" ", flags)
                + " cannot build here: "
                + (result == null ? "no gcc" : result.output));
    // an i386 program runs under qemu-i386 where the kernel has no 32-bit emulation
    List<String> runIt =
        new ArrayList<>(
            List.of(flags).contains("-m32") ? CHarness.runner(TargetAbi.I386) : List.of());
    runIt.add(executable.toString());
    Result probe = run(runIt);
    assumeTrue(
        probe != null && probe.exitCode == 0,
        "programs built with " + String.join(" ", flags) + " do not run here");
    return new CProgram(runIt);
  }

  /** Runs the program; its standard output, line by line. */
  List<String> run() throws IOException, InterruptedException {
    Result result = run(command);
    if (result == null || result.exitCode != 0) {
      throw new IllegalStateException(
          String.join(" ", command) + " failed: " + (result == null ? "" : result.output));
    }
    return result.output.lines().toList();
  }

  private record Result(int exitCode, String output) {}

  private static Result run(List<String> command) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return null;
    }
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(command + " did not finish");
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
