package org.abiguard.processor.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.abiguard.AbiCodec;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.model.StructModel;
import org.junit.jupiter.api.Test;

/** {@code codec(abi)}, the ABI classes and the primary ABI's static members. */
class CodecTest {
  private static final StructModel XATP = Xen.addToPhysmap();
  private static final StructModel RESERVATION = Xen.memoryReservation();

  @Test
  void i386AndX86_64DifferInLongsAndPointers() {
    LoadedMarshallers generated = LoadedMarshallers.compile(XATP, RESERVATION);
    AbiCodec<Object> x86 = generated.codec(XATP, "x86_64");
    AbiCodec<Object> i386 = generated.codec(XATP, "i386");
    assertEquals(24, x86.size());
    assertEquals(8, x86.alignment());
    assertEquals(16, i386.size());
    assertEquals(4, i386.alignment());
    assertEquals(16, generated.constant(XATP, "X86_64", "OFFSET_GPFN"));
    assertEquals(12, generated.constant(XATP, "I386", "OFFSET_GPFN"));
    assertEquals(4, generated.constant(XATP, "I386", "OFFSET_SPACE"));
    assertEquals(32, generated.codec(RESERVATION, "x86_64").size());
    assertEquals(20, generated.codec(RESERVATION, "i386").size());
    assertEquals(24, generated.constant(RESERVATION, "X86_64", "OFFSET_DOMID"));
    assertEquals(16, generated.constant(RESERVATION, "I386", "OFFSET_DOMID"));
    assertEquals(8, generated.constant(RESERVATION, null, "OFFSET_NR_EXTENTS"));

    Object value = generated.newMirror(XATP, Map.of("idx", 0x1_0000_0001L));
    x86.write(value, ByteBuffer.allocate(24), 0);
    assertThrows(
        org.abiguard.AbiRangeException.class,
        () -> i386.write(value, ByteBuffer.allocate(16), 0),
        "a 33-bit idx does not fit i386's 32-bit unsigned long");
  }

  @Test
  void thePrimaryAbiIsTheFirstAndTheStaticMembersAreItsOwn() {
    LoadedMarshallers generated =
        LoadedMarshallers.compile(List.of(TargetAbi.I386, TargetAbi.X86_64), XATP);
    assertEquals(16, generated.constant(XATP, null, "SIZE"));
    assertEquals(4, generated.constant(XATP, null, "ALIGNMENT"));
    assertEquals(12, generated.constant(XATP, null, "OFFSET_GPFN"));
    Class<?> marshaller = generated.marshaller(XATP);
    Object value = generated.newMirror(XATP, Map.of("gpfn", 0xABCL));
    ByteBuffer buf = ByteBuffer.allocate(16);
    LoadedMarshallers.invoke(
        marshaller,
        "write",
        new Class<?>[] {generated.mirror(XATP), ByteBuffer.class, int.class},
        value,
        buf,
        0);
    assertEquals((byte) 0xBC, buf.get(12));
    Object back =
        LoadedMarshallers.invoke(
            marshaller, "read", new Class<?>[] {ByteBuffer.class, int.class}, buf, 0);
    assertEquals(generated.toMap(XATP, value), generated.toMap(XATP, back));
  }

  @Test
  void codecsAreSingletonsAndUnknownAbisAreRejectedNamingTheGeneratedOnes() {
    LoadedMarshallers generated = LoadedMarshallers.compile(XATP);
    assertSame(generated.codec(XATP, "i386"), generated.codec(XATP, "i386"));
    assertSame(generated.codec(XATP, "x86_64"), generated.codec(XATP, "x86_64"));
    assertEquals(
        "XenAddToPhysmapMarshaller.codec(\"i386\")", generated.codec(XATP, "i386").toString());
    for (String abi : new String[] {"aarch64", "X86_64", "", null}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> generated.codec(XATP, abi));
      assertEquals(
          "no codec of struct xen_add_to_physmap for ABI "
              + abi
              + "; generated for x86_64, i386 (the ABIs of -Aabiguard.abis the mirror is for)",
          e.getMessage());
    }
  }
}
