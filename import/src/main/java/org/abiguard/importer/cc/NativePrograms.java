package org.abiguard.importer.cc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Which ABIs' programs this host runs itself. An x86_64 host runs i386 programs only where its
 * kernel has 32-bit emulation (not every kernel does: a kernel built without it, or booted with
 * {@code ia32_emulation=0}, as some virtual machines are), so that is found once by running the
 * smallest i386 program there is.
 */
public final class NativePrograms {
  /**
   * An i386 ELF executable of 96 bytes: a header, one loadable segment, and {@code mov eax, 1; mov
   * ebx, 42; int 0x80} (exit with status 42).
   */
  private static final byte[] I386_EXIT_42 = {
    0x7F,
    0x45,
    0x4C,
    0x46,
    0x01,
    0x01,
    0x01,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    0x02,
    0x00,
    0x03,
    0x00,
    0x01,
    0x00,
    0x00,
    0x00,
    0x54,
    (byte) 0x80,
    0x04,
    0x08,
    0x34,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    0x34,
    0x00,
    0x20,
    0x00,
    0x01,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    0x01,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    (byte) 0x80,
    0x04,
    0x08,
    0x00,
    (byte) 0x80,
    0x04,
    0x08,
    0x60,
    0x00,
    0x00,
    0x00,
    0x60,
    0x00,
    0x00,
    0x00,
    0x05,
    0x00,
    0x00,
    0x00,
    0x00,
    0x10,
    0x00,
    0x00,
    (byte) 0xB8,
    0x01,
    0x00,
    0x00,
    0x00,
    (byte) 0xBB,
    0x2A,
    0x00,
    0x00,
    0x00,
    (byte) 0xCD,
    (byte) 0x80
  };

  /** The probe's answer, found when first asked (the holder class is loaded then). */
  private static final class I386 {
    static final boolean RUNS = probe();
  }

  private NativePrograms() {}

  /**
   * Whether this host runs programs built for {@code abi} ({@code x86_64}, {@code i386}, {@code
   * aarch64}) itself, without an emulator.
   *
   * @param osArch {@code os.arch} of this JVM
   */
  public static boolean runs(String abi, String osArch) {
    String host = osArch.toLowerCase(Locale.ROOT);
    boolean x86Host = host.equals("amd64") || host.equals("x86_64");
    return switch (abi) {
      case "x86_64" -> x86Host;
      case "i386" ->
          host.equals("x86") || host.equals("i386") || host.equals("i686") || x86Host && runsI386();
      case "aarch64" -> host.equals("aarch64") || host.equals("arm64");
      default -> false;
    };
  }

  /** Whether an i386 program runs here, found once per JVM. */
  public static boolean runsI386() {
    return I386.RUNS;
  }

  private static boolean probe() {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("abiguard-i386-probe");
      Path exe = dir.resolve("exit42");
      Files.write(exe, I386_EXIT_42);
      Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwx------"));
      Process p =
          new ProcessBuilder(exe.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      // a kernel without 32-bit emulation refuses it, and Java then hands it to /bin/sh
      return p.exitValue() == 42;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      if (dir != null) {
        try (var files = Files.list(dir)) {
          for (Path f : (Iterable<Path>) files::iterator) {
            Files.deleteIfExists(f);
          }
          Files.deleteIfExists(dir);
        } catch (IOException e) {
          // a temporary file left behind
        }
      }
    }
  }
}
