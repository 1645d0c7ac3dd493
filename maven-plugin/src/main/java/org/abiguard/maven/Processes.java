package org.abiguard.maven;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command to its end and collects what it printed. */
final class Processes {
  /** What a command did: its exit code and its standard output and error, interleaved. */
  record Outcome(int exitCode, String output) {
    boolean succeeded() {
      return exitCode == 0;
    }
  }

  private Processes() {}

  /**
   * Runs {@code command} in {@code directory} with the C locale, so compilers print plain English
   * with ASCII quotes.
   *
   * @throws IOException when the command cannot be started or does not end within the timeout
   */
  static Outcome run(List<String> command, Path directory, long timeoutSeconds) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
    builder.environment().put("LC_ALL", "C");
    builder.environment().remove("GCC_COLORS");
    Process process = builder.start();
    process.getOutputStream().close();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Thread reader =
        new Thread(() -> copy(process.getInputStream(), output), "abiguard-process-output");
    reader.setDaemon(true);
    reader.start();
    try {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(
            "'"
                + String.join(" ", command)
                + "' did not finish within "
                + timeoutSeconds
                + " seconds");
      }
      reader.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running '" + String.join(" ", command) + "'", e);
    }
    synchronized (output) {
      return new Outcome(process.exitValue(), output.toString(StandardCharsets.UTF_8));
    }
  }

  private static void copy(InputStream in, ByteArrayOutputStream out) {
    byte[] buffer = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        synchronized (out) {
          out.write(buffer, 0, n);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
