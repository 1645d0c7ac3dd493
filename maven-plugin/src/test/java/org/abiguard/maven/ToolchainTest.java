package org.abiguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.abiguard.processor.layout.TargetAbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each ABI's compiler command and how this host runs its programs. */
class ToolchainTest {
  @Test
  void defaultsAndConfiguredCommands() {
    assertEquals(List.of("gcc", "-m32"), Toolchain.of(TargetAbi.I386, Map.of()).compiler());
    Toolchain clang =
        Toolchain.of(TargetAbi.AARCH64, Map.of("aarch64", "  clang   --target=aarch64-linux-gnu "));
    assertEquals(List.of("clang", "--target=aarch64-linux-gnu"), clang.compiler());
    assertEquals(
        "install it, or set <compilers><aarch64>COMMAND</aarch64></compilers> to a compiler for aarch64",
        clang.installHint());
    assertEquals(
        "on Debian/Ubuntu: apt-get install gcc; or set <compilers><x86_64>COMMAND</x86_64></compilers>",
        Toolchain.of(TargetAbi.X86_64, Map.of()).installHint());
  }

  @Test
  void nativeAbisRunDirectly() {
    assertEquals(Optional.of(List.of()), Toolchain.runner(TargetAbi.X86_64, "amd64", null));
    assertEquals(Optional.of(List.of()), Toolchain.runner(TargetAbi.AARCH64, "aarch64", null));
    assertEquals(Optional.of(List.of()), Toolchain.runner(TargetAbi.I386, null, "", true));
  }

  @Test
  void otherAbisRunUnderQemuWhereItIsInstalledElseNot(@TempDir Path dir) throws Exception {
    assertEquals(
        Optional.empty(), Toolchain.runner(TargetAbi.AARCH64, null, dir.toString(), false));
    // an x86_64 host whose kernel has no 32-bit emulation runs i386 programs under qemu-i386
    assertEquals(Optional.empty(), Toolchain.runner(TargetAbi.I386, null, dir.toString(), false));
    for (String name : List.of("qemu-aarch64", "qemu-i386")) {
      Path qemu = dir.resolve(name);
      Files.writeString(qemu, "#!/bin/sh\n");
      Files.setPosixFilePermissions(qemu, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    List<String> runner =
        Toolchain.runner(TargetAbi.AARCH64, null, dir.toString(), false).orElseThrow();
    assertEquals(dir.resolve("qemu-aarch64").toString(), runner.get(0));
    assertEquals(
        dir.resolve("qemu-i386").toString(),
        Toolchain.runner(TargetAbi.I386, null, dir.toString(), false).orElseThrow().get(0));
    assertEquals(Optional.empty(), Toolchain.runner(TargetAbi.X86_64, null, "", false));
  }

  @Test
  void aConfiguredRunnerWins() {
    assertEquals(
        Optional.of(List.of("qemu-aarch64", "-L", "/opt/sysroot")),
        Toolchain.runner(TargetAbi.AARCH64, "qemu-aarch64 -L /opt/sysroot", "", false));
  }
}
