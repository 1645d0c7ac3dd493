package org.abiguard.importer.cc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which ABIs' programs the host runs itself. */
class NativeProgramsTest {
  @Test
  void eachHostRunsItsOwnAbi() {
    assertTrue(NativePrograms.runs("x86_64", "amd64"));
    assertTrue(NativePrograms.runs("aarch64", "aarch64"));
    assertTrue(NativePrograms.runs("i386", "i686"));
    assertFalse(NativePrograms.runs("aarch64", "amd64"));
    assertFalse(NativePrograms.runs("x86_64", "aarch64"));
    assertFalse(NativePrograms.runs("i386", "aarch64"));
  }

  @Test
  void anX8664HostRunsI386WhereItsKernelDoes() {
    assertEquals(NativePrograms.runsI386(), NativePrograms.runs("i386", "amd64"));
  }

  /** The probe says what a program gcc -m32 builds does: run here, or not. */
  @Test
  void theProbeAgreesWithAProgramGccBuilds(@TempDir Path dir) throws Exception {
    assumeTrue(
        System.getProperty("os.arch").equals("amd64"), "skipped: the probe is for x86_64 hosts");
    Path c = Files.writeString(dir.resolve("seven.c"), "int main(void) { return 7; }\n");
    Path exe = dir.resolve("seven");
    Integer built = exit(dir, "gcc", "-m32", "-o", exe.toString(), c.toString());
    assumeTrue(built != null && built == 0, "skipped: gcc -m32 cannot build here");
    Integer ran = exit(dir, exe.toString());
    assertEquals(ran != null && ran == 7, NativePrograms.runsI386(), "exit status " + ran);
  }

  /** The probe's program is a valid i386 program: qemu-i386 runs it to its status, 42. */
  @Test
  void theProbesProgramExitsWith42UnderQemu(@TempDir Path dir) throws Exception {
    Path exe = Files.write(dir.resolve("exit42"), NativePrograms.i386Exit42());
    assertTrue(exe.toFile().setExecutable(true));
    Integer status = exit(dir, "qemu-i386", exe.toString());
    assumeTrue(status != null, "skipped: no qemu-i386 (Debian: qemu-user)");
    assertEquals(42, status);
    assertEquals(96, Files.size(exe));
  }

  private static Integer exit(Path dir, String... command) throws InterruptedException {
    try {
      Process p =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return p.waitFor(60, TimeUnit.SECONDS) ? p.exitValue() : null;
    } catch (IOException e) {
      return null;
    }
  }
}
