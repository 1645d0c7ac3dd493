package org.abiguard.importer.cc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.abiguard.importer.Abi;
import org.junit.jupiter.api.Test;

/**
 * A Linux header that includes {@code <asm/...>} does not preprocess with {@code gcc -m32} where
 * only the host's asm headers are installed: the error says how to give i386 the x86_64 ones.
 */
class ToolchainHintTest {
  private static final String MISSING =
      "/usr/include/linux/ioctl.h:5:10: fatal error: asm/ioctl.h: No such file or directory";

  @Test
  void aMissingAsmHeaderOnI386GetsTheHint() {
    assertEquals(
        "\nhint: Linux's asm/ headers for -m32 are missing; Debian's and Ubuntu's x86_64 ones serve"
            + " i386 too: --cc 'i386=gcc -m32 -isystem /usr/include/x86_64-linux-gnu' (or install"
            + " linux-libc-dev:i386)",
        Toolchain.missingAsmHint(Abi.I386, MISSING));
  }

  @Test
  void otherAbisAndOtherErrorsGetNone() {
    assertEquals("", Toolchain.missingAsmHint(Abi.X86_64, MISSING));
    assertEquals("", Toolchain.missingAsmHint(Abi.AARCH64, MISSING));
    assertEquals(
        "",
        Toolchain.missingAsmHint(
            Abi.I386, "x.h:1:10: fatal error: xen/xen.h: No such file or directory"));
  }
}
