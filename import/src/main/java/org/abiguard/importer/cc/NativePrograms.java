package org.abiguard.importer.cc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
  /** Where the probe's one segment is loaded, as i386 programs are by default. */
  private static final int BASE = 0x08048000;

  /**
   * An i386 ELF executable of 96 bytes that exits with status 42: a header, one loadable segment
   * (the whole file), and {@code mov eax, 1; mov ebx, 42; int 0x80}.
   */
  static byte[] i386Exit42() {
    ByteBuffer elf = ByteBuffer.allocate(96).order(ByteOrder.LITTLE_ENDIAN);
    // e_ident: magic, 32-bit, little endian, version 1, System V
    elf.put(new byte[] {0x7F, 'E', 'L', 'F', 1, 1, 1, 0}).position(16);
    elf.putShort((short) 2); // e_type: an executable
    elf.putShort((short) 3); // e_machine: Intel 80386
    elf.putInt(1); // e_version
    elf.putInt(BASE + 84); // e_entry: the code, after both headers
    elf.putInt(52); // e_phoff: the program header, after this one
    elf.putInt(0).putInt(0); // e_shoff, e_flags: no sections
    elf.putShort((short) 52).putShort((short) 32).putShort((short) 1); // sizes, one segment
    elf.putShort((short) 0).putShort((short) 0).putShort((short) 0); // no section headers
    // the program header: PT_LOAD of the whole file at BASE, readable and executable
    elf.putInt(1)
        .putInt(0)
        .putInt(BASE)
        .putInt(BASE)
        .putInt(96)
        .putInt(96)
        .putInt(5)
        .putInt(0x1000);
    // mov eax, 1 (exit); mov ebx, 42; int 0x80
    elf.put(
        new byte[] {(byte) 0xB8, 1, 0, 0, 0, (byte) 0xBB, 42, 0, 0, 0, (byte) 0xCD, (byte) 0x80});
    return elf.array();
  }

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
    Path exe = null;
    try {
      exe = Files.createTempFile("abiguard-i386-probe", "");
      Files.write(exe, i386Exit42());
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
      if (exe != null) {
        try {
          Files.deleteIfExists(exe);
        } catch (IOException e) {
          // a temporary file left behind
        }
      }
    }
  }
}
