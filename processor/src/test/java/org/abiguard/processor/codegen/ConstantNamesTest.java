package org.abiguard.processor.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.abiguard.processor.model.JavaKind;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.model.Width;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConstantNamesTest {
  @ParameterizedTest
  @CsvSource({
    "nr_extents, NR_EXTENTS",
    "nrExtents, NR_EXTENTS",
    "domid, DOMID",
    "gpfn, GPFN",
    "XMLData, XML_DATA",
    "ipv4Addr, IPV4_ADDR",
    "a, A",
    "_reserved, RESERVED",
    "pad__1, PAD_1",
    "mfn2, MFN2",
    "already_UPPER, ALREADY_UPPER",
    "$x, $X"
  })
  void upperSnakeCase(String javaName, String constant) {
    assertEquals(constant, ConstantNames.upperSnake(javaName));
  }

  @Test
  void clashesAreFound() {
    StructModel struct =
        StructFixture.struct("Clash")
            .integer("nrExtents", Width.U32, JavaKind.INT)
            .integer("nr_extents", Width.U32, JavaKind.INT)
            .integer("other", Width.U32, JavaKind.INT)
            .build();
    assertEquals(
        Map.of("OFFSET_NR_EXTENTS", "nrExtents, nr_extents"), ConstantNames.clashes(struct));
    assertTrue(ConstantNames.clashes(Xen.memoryReservation()).isEmpty());
  }
}
