package org.abiguard.importer.cc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AsmValuesTest {
  @Test
  void x86_64Quads() {
    String asm =
        """
        \t.globl\tabiguard_probe
        abiguard_probe:
        \t.quad\t72623859790382856
        \t.quad\t8
        \t.quad\t-1
        \t.ident\t"GCC"
        """;
    assertArrayEquals(new long[] {8, -1}, AsmValues.read(asm, "abiguard_probe", 2));
  }

  @Test
  void i386LongPairsLowWordFirst() {
    String asm =
        """
        abiguard_probe:
        \t.long\t84281096
        \t.long\t16909060
        \t.long\t4
        \t.long\t0
        \t.long\t0
        \t.long\t1
        \t.text
        """;
    assertArrayEquals(new long[] {4, 1L << 32}, AsmValues.read(asm, "abiguard_probe", 2));
  }

  @Test
  void aarch64XwordsAndZeroFill() {
    String asm =
        """
        abiguard_probe:
        \t.xword\t72623859790382856
        \t.xword\t16
        \t.zero\t8
        \t.word\t7
        \t.word\t0
        """;
    assertArrayEquals(new long[] {16, 0, 7}, AsmValues.read(asm, "abiguard_probe", 3));
  }

  @Test
  void bigEndianByMarker() {
    String asm =
        """
        abiguard_probe:
        \t.quad\t0x0807060504030201
        \t.quad\t0x0200000000000000
        """;
    assertArrayEquals(new long[] {2}, AsmValues.read(asm, "abiguard_probe", 1));
  }

  @Test
  void missingLabelOrShortDataIsAnError() {
    assertThrows(
        IllegalArgumentException.class,
        () -> AsmValues.read("x:\n\t.quad 1\n", "abiguard_probe", 1));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            AsmValues.read(
                "abiguard_probe:\n\t.quad 72623859790382856\n\tret\n", "abiguard_probe", 1));
  }
}
