package org.abiguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.abiguard.importer.Abi;
import org.abiguard.importer.cc.Toolchain;
import org.junit.jupiter.api.Test;

/** The importer's command-line advice, as the import goal words it for a Maven build. */
class PluginWordingTest {
  @Test
  void aMissingCompilerIsConfiguredThroughCompilers() {
    // the importer's own message, so that a change of its wording shows here
    assertEquals(
        "i386: no C compiler 'nonexistent-cc' (give the compiler with"
            + " <compilers><i386>COMMAND</i386></compilers>)",
        PluginWording.of(Toolchain.missingCompiler(Abi.I386, List.of("nonexistent-cc"))));
  }

  @Test
  void aMissingCompilerOffersTheOtherAbisAsAbis() {
    assertEquals(
        "aarch64: no C compiler 'aarch64-linux-gnu-gcc' (install the Debian package"
            + " gcc-aarch64-linux-gnu)\nor import without aarch64: <abis>x86_64,i386</abis>",
        PluginWording.of(
            "aarch64: no C compiler 'aarch64-linux-gnu-gcc' (install the Debian package"
                + " gcc-aarch64-linux-gnu)\nor import without aarch64: --abis x86_64,i386"));
  }

  @Test
  void theAsmHintGivesTheCommandAsACompilersEntry() {
    // the importer's hint for i386 without Linux's asm/ headers
    assertEquals(
        "hint: Linux's asm/ headers for -m32 are missing; Debian's and Ubuntu's x86_64 ones serve"
            + " i386 too: <compilers><i386>gcc -m32 -isystem"
            + " /usr/include/x86_64-linux-gnu</i386></compilers> (or install linux-libc-dev:i386)",
        PluginWording.of(
            "hint: Linux's asm/ headers for -m32 are missing; Debian's and Ubuntu's x86_64 ones"
                + " serve i386 too: --cc 'i386=gcc -m32 -isystem /usr/include/x86_64-linux-gnu'"
                + " (or install linux-libc-dev:i386)"));
  }

  @Test
  void otherOptionsAreNamedAsParameters() {
    assertEquals(
        "<compilers><i386>...</i386></compilers> names an ABI that is not imported (x86_64)",
        PluginWording.of("--cc i386=... names an ABI that is not imported (x86_64)"));
    assertEquals(
        "2 types are not portable between x86_64, i386, aarch64: import them once for each group"
            + " of ABIs that declare them alike, each group's mirrors in a package of its own, with"
            + " <splitAbis>true</splitAbis> (or with one execution per group,"
            + " <abis>x86_64,i386</abis> <abiSpecific>true</abiSpecific>"
            + " <packageName>org.example.x86</packageName>)",
        PluginWording.of(
            "2 types are not portable between x86_64, i386, aarch64: import them once for each"
                + " group of ABIs that declare them alike, each group's mirrors in a package of its"
                + " own, with --split-abis (or with one import per group, --abis x86_64,i386"
                + " --abi-specific --package org.example.x86)"));
    assertEquals(
        "no struct or union matches <types>hv_.*</types>",
        PluginWording.of("no struct or union matches --types hv_.*"));
    assertEquals(
        "x86_64: abi-check.c ran and passed",
        PluginWording.of("x86_64: abi-check.c ran and passed"));
  }
}
