package org.abiguard.processor.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.abiguard.processor.Expected.Source;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.testing.BufferCalls;
import org.abiguard.processor.testing.CHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * C's array of arrays ({@code __u16 coeff[3][3]} of Linux's media controls, {@code struct
 * ptp_clock_time ts[25][3]}) is {@code @AbiArray({rows, columns})} on one Java array holding every
 * element row by row: the C compilers prove it against the two-dimensional declaration, whose
 * element {@code x[0][0]} the assertions size.
 */
class ArrayOfArraysTest {
  private static final Source GRID =
      Source.of(
          "p.Grid",
          """
          package p;

          import org.abiguard.*;

          @AbiStruct(name = "grid")
          public class Grid {
            @U8 public int tag;
            @AbiArray({3, 2}) @U16 public int[] coeff = new int[6];
            @AbiArray({2, 2}) public Stamp[] stamps = {
              new Stamp(), new Stamp(), new Stamp(), new Stamp()
            };

            @AbiStruct(name = "stamp")
            public static class Stamp {
              @S64 public long sec;
              @U32 public long nsec;
            }
          }
          """);

  /**
   * Flexible arrays of arrays, as virtio-net's MAC filter table ({@code __u8 macs[][6]}, counted by
   * {@code entries}) and the tun filter ({@code __u8 addr[][6]}, counted by the caller).
   */
  private static final Source MACS =
      Source.of(
          "p.Macs",
          """
          package p;

          import org.abiguard.*;

          public final class Macs {
            private Macs() {}

            @AbiStruct(name = "mac_table")
            public static class Table {
              @U32 public long entries;
              @AbiFlexible(count = "entries") @AbiArray(6) @U8 public byte[] macs = new byte[0];
            }

            @AbiStruct(name = "mac_filter")
            public static class Filter {
              @U16 public int flags;
              @AbiFlexible @AbiArray(6) @U8 public byte[] addr = new byte[0];
            }
          }
          """);

  private static final String HEADER =
      """
      #include <stdint.h>
      struct stamp { int64_t sec; uint32_t nsec; };
      struct grid { uint8_t tag; uint16_t coeff[3][2]; struct stamp stamps[2][2]; };
      struct mac_table { uint32_t entries; uint8_t macs[][6]; };
      struct mac_filter { uint16_t flags; uint8_t addr[][6]; };
      """;

  private static CompiledMirrors compiled;

  @BeforeAll
  static void compile() {
    compiled = CompiledMirrors.onEveryAbi(GRID, MACS);
  }

  @Test
  void compilesWithoutAnyDiagnostic() {
    compiled.assertNoDiagnostic();
  }

  @ParameterizedTest
  @EnumSource(TargetAbi.class)
  void theCCompilerProvesItAgainstTheTwoDimensionalDeclaration(TargetAbi abi, @TempDir Path dir) {
    String asserts = compiled.asserts();
    assertTrue(asserts.contains("sizeof(((struct grid *)0)->coeff[0][0]) == 2"), asserts);
    assertTrue(asserts.contains("sizeof(((struct mac_table *)0)->macs[0][0]) == 1"), asserts);
    CHarness.assertAssertsHold(abi, dir, HEADER, asserts);
  }

  /** coeff[1][0] is Java's coeff[2], 4 bytes after coeff[0][0]; stamps[1][1] is stamps[3]. */
  @Test
  void elementsAreInCOrderRowByRow() throws Exception {
    Class<?> grid = compiled.loadClass("p.Grid");
    Class<?> marshaller = compiled.loadClass("p.GridMarshaller");
    Object value = grid.getConstructor().newInstance();
    grid.getField("coeff").set(value, new int[] {1, 2, 3, 4, 5, 0xFFFF});
    Object last = Array.get(grid.getField("stamps").get(value), 3);
    last.getClass().getField("nsec").setLong(last, 0xCAFEL);
    int offset = marshaller.getField("OFFSET_COEFF").getInt(null);
    int stamps = marshaller.getField("OFFSET_STAMPS").getInt(null);
    assertEquals(2, offset);
    assertEquals(16, stamps); // after 1 + 1 + 12 bytes, aligned to 8
    assertEquals(80, marshaller.getField("SIZE").getInt(null)); // 16 + 4 x 16

    ByteBuffer buf = ByteBuffer.allocate(80).order(ByteOrder.LITTLE_ENDIAN);
    BufferCalls.write(marshaller, value, buf, 0);
    assertEquals(3, buf.getShort(offset + 2 * 2)); // coeff[1][0]
    assertEquals((short) 0xFFFF, buf.getShort(offset + 5 * 2)); // coeff[2][1]
    assertEquals(0xCAFE, buf.getInt(stamps + 3 * 16 + 8)); // stamps[1][1].nsec
    Object back = BufferCalls.read(marshaller, buf, 0);
    assertArrayEquals(new int[] {1, 2, 3, 4, 5, 0xFFFF}, (int[]) grid.getField("coeff").get(back));
  }

  @Test
  void theDocumentationShowsTheCDeclaration() throws Exception {
    String source =
        compiled
            .compilation()
            .generatedSourceFile("p.GridMarshaller")
            .orElseThrow()
            .getCharContent(true)
            .toString();
    assertTrue(
        source.contains("/** {@code uint16_t coeff[3][2];} at offset 2, 3 x 2 x u16 on x86_64. */"),
        source);
  }

  /** The count member counts rows of 6; the Java array holds every byte. */
  @Test
  void aFlexibleArrayOfArraysIsCountedInRows() throws Exception {
    Class<?> table = compiled.loadClass("p.Macs$Table");
    Class<?> marshaller = compiled.loadClass("p.Macs_TableMarshaller");
    Object value = table.getConstructor().newInstance();
    table.getField("entries").setLong(value, 2);
    byte[] macs = {1, 2, 3, 4, 5, 6, 11, 12, 13, 14, 15, 16};
    table.getField("macs").set(value, macs);
    ByteBuffer buf = ByteBuffer.allocate(4 + 12).order(ByteOrder.LITTLE_ENDIAN);
    BufferCalls.write(marshaller, value, buf, 0);
    assertEquals(2, buf.getInt(0));
    assertEquals(11, buf.get(4 + 6)); // macs[1][0]
    Object back = BufferCalls.read(marshaller, buf, 0);
    assertArrayEquals(macs, (byte[]) table.getField("macs").get(back));

    table.getField("macs").set(value, new byte[10]);
    ByteBuffer untouched = ByteBuffer.allocate(16);
    InvocationTargetException e =
        assertThrows(
            InvocationTargetException.class,
            () -> BufferCalls.write(marshaller, value, untouched, 0));
    assertEquals(
        "mac_table.macs has 10 elements but mac_table.entries says 2 rows of 6",
        e.getCause().getMessage());
    assertArrayEquals(new byte[16], untouched.array());

    table.getField("entries").setLong(value, 3); // 18 bytes past a 16-byte buffer's 4
    buf.putInt(0, 3);
    InvocationTargetException past =
        assertThrows(InvocationTargetException.class, () -> BufferCalls.read(marshaller, buf, 0));
    assertEquals(
        "mac_table.macs: 3 elements of 6 bytes from offset 4 do not fit in a buffer with limit 16",
        past.getCause().getMessage());
  }

  /** Without a count member the caller counts rows, and a write takes whole rows only. */
  @Test
  void theCallerCountsRowsOfAnUncountedOne() throws Exception {
    Class<?> filter = compiled.loadClass("p.Macs$Filter");
    Class<?> marshaller = compiled.loadClass("p.Macs_FilterMarshaller");
    Object value = filter.getConstructor().newInstance();
    byte[] addr = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    filter.getField("addr").set(value, addr);
    ByteBuffer buf = ByteBuffer.allocate(2 + 12);
    BufferCalls.write(marshaller, value, buf, 0);
    Object two =
        marshaller
            .getMethod("read", ByteBuffer.class, int.class, int.class)
            .invoke(null, buf, 0, 2);
    assertArrayEquals(addr, (byte[]) filter.getField("addr").get(two));

    filter.getField("addr").set(value, new byte[7]);
    InvocationTargetException e =
        assertThrows(
            InvocationTargetException.class,
            () -> BufferCalls.write(marshaller, value, ByteBuffer.allocate(16), 0));
    assertEquals("mac_filter.addr has 7 elements, not whole rows of 6", e.getCause().getMessage());
  }
}
