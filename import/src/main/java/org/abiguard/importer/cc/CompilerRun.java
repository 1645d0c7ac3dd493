package org.abiguard.importer.cc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Runs one command (a C compiler, a compiled check) and captures what it printed. */
public final class CompilerRun {
  /** What a command did: its exit status and its standard output and error. */
  public record Output(int status, String out, String err) {
    public boolean ok() {
      return status == 0;
    }
  }

  /** The command could not be started (the program is not installed). */
  public static final class MissingProgram extends Exception {
    private static final long serialVersionUID = 1L;

    public MissingProgram(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private CompilerRun() {}

  /** Runs {@code command} in {@code dir}. */
  public static Output run(List<String> command, Path dir) throws MissingProgram {
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command));
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new MissingProgram("cannot run '" + command.get(0) + "': " + e.getMessage(), e);
    }
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    String out = read(p.getInputStream());
    try {
      int status = p.waitFor();
      return new Output(status, out, err.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      return new Output(-1, out, "interrupted");
    } catch (ExecutionException e) {
      return new Output(-1, out, String.valueOf(e.getCause()));
    }
  }

  private static String read(java.io.InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
