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
    assertEquals(Optional.of(List.of()), Toolchain.runner(TargetAbi.X86_64, "amd64", null, ""));
    assertEquals(Optional.of(List.of()), Toolchain.runner(TargetAbi.I386, "amd64", null, ""));
    assertEquals(Optional.of(List.of()), Toolchain.runner(TargetAbi.AARCH64, "aarch64", null, ""));
  }

  @Test
  void otherAbisRunUnderQemuWhereItIsInstalledElseNot(@TempDir Path dir) throws Exception {
    assertEquals(
        Optional.empty(), Toolchain.runner(TargetAbi.AARCH64, "amd64", null, dir.toString()));
    Path qemu = dir.resolve("qemu-aarch64");
    Files.writeString(qemu, "#!/bin/sh\n");
    Files.setPosixFilePermissions(qemu, PosixFilePermissions.fromString("rwxr-xr-x"));
    List<String> runner =
        Toolchain.runner(TargetAbi.AARCH64, "amd64", null, dir.toString()).orElseThrow();
    assertEquals(qemu.toString(), runner.get(0));
    assertEquals(Optional.empty(), Toolchain.runner(TargetAbi.X86_64, "aarch64", null, ""));
  }

  @Test
  void aConfiguredRunnerWins() {
    assertEquals(
        Optional.of(List.of("qemu-aarch64", "-L", "/opt/sysroot")),
        Toolchain.runner(TargetAbi.AARCH64, "amd64", "qemu-aarch64 -L /opt/sysroot", ""));
  }
}
