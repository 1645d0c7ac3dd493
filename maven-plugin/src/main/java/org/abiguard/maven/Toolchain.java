package org.abiguard.maven;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.abiguard.importer.cc.NativePrograms;
import org.abiguard.processor.layout.TargetAbi;

/**
 * How the plugin reaches each ABI's C compiler, and how it runs that ABI's programs.
 *
 * @param abi the target
 * @param compiler the compiler command, split into words ({@code gcc -m32})
 * @param configured whether the user gave the command (else it is the default)
 */
record Toolchain(TargetAbi abi, List<String> compiler, boolean configured) {

  /** The default compiler command of {@code abi}. */
  static List<String> defaultCompiler(TargetAbi abi) {
    return switch (abi) {
      case X86_64 -> List.of("gcc");
      case I386 -> List.of("gcc", "-m32");
      case AARCH64 -> List.of("aarch64-linux-gnu-gcc");
    };
  }

  /** The Debian package that gives the default compiler of {@code abi} (as CI installs it). */
  static String debianPackage(TargetAbi abi) {
    return switch (abi) {
      case X86_64 -> "gcc";
      case I386 -> "gcc-12-multilib";
      case AARCH64 -> "gcc-aarch64-linux-gnu";
    };
  }

  /**
   * The toolchain of {@code abi}: the command in {@code configured} (keyed by ABI name, a string of
   * words), else the default.
   */
  static Toolchain of(TargetAbi abi, Map<String, String> configured) {
    String command = configured == null ? null : configured.get(abi.manifestName());
    if (command == null || command.isBlank()) {
      return new Toolchain(abi, defaultCompiler(abi), false);
    }
    return new Toolchain(abi, words(command), true);
  }

  /** {@code "gcc -m32"} → [gcc, -m32]. */
  static List<String> words(String command) {
    return Arrays.stream(command.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
  }

  String command() {
    return String.join(" ", compiler);
  }

  /** What to tell a user whose compiler is missing or cannot build for the ABI. */
  String installHint() {
    if (configured) {
      return "install it, or set <compilers><"
          + abi.manifestName()
          + ">COMMAND</"
          + abi.manifestName()
          + "></compilers> to a compiler for "
          + abi.manifestName();
    }
    return "on Debian/Ubuntu: apt-get install "
        + debianPackage(abi)
        + "; or set <compilers><"
        + abi.manifestName()
        + ">COMMAND</"
        + abi.manifestName()
        + "></compilers>";
  }

  /**
   * The command prefix that runs a program built for {@code abi} on this host: empty to run it
   * directly, a qemu user-mode emulator where one is installed, or nothing when the host cannot.
   *
   * @param hostArch {@code os.arch} of this JVM
   * @param configured the user's runner for the ABI (words), or null
   */
  static Optional<List<String>> runner(TargetAbi abi, String hostArch, String configured) {
    return runner(
        abi, configured, System.getenv("PATH"), NativePrograms.runs(abi.manifestName(), hostArch));
  }

  /**
   * As {@link #runner(TargetAbi, String, String)}, searching {@code pathVariable} for qemu; {@code
   * native_} says whether the host runs the ABI's programs itself (an x86_64 host runs i386 ones
   * only where its kernel has 32-bit emulation, {@link NativePrograms}).
   */
  static Optional<List<String>> runner(
      TargetAbi abi, String configured, String pathVariable, boolean native_) {
    if (configured != null && !configured.isBlank()) {
      return Optional.of(words(configured));
    }
    if (native_) {
      return Optional.of(List.of());
    }
    String qemu =
        switch (abi) {
          case X86_64 -> "qemu-x86_64";
          case I386 -> "qemu-i386";
          case AARCH64 -> "qemu-aarch64";
        };
    String sysroot =
        switch (abi) {
          case X86_64 -> "/usr/x86_64-linux-gnu";
          case I386 -> "/usr/i686-linux-gnu";
          case AARCH64 -> "/usr/aarch64-linux-gnu";
        };
    return Executables.find(qemu, pathVariable)
        .map(
            q -> {
              List<String> words = new ArrayList<>(List.of(q.toString()));
              if (java.nio.file.Files.isDirectory(java.nio.file.Path.of(sysroot))) {
                words.addAll(List.of("-L", sysroot));
              }
              return words;
            });
  }
}
