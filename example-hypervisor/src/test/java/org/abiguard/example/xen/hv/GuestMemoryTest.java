package org.abiguard.example.xen.hv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Guest-physical accesses page by page through the p2m. */
class GuestMemoryTest {
  private static byte[] bytes(int n, int seed) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (seed + i * 7);
    }
    return b;
  }

  @Test
  void accessesCrossPageBoundariesIntoWhateverFramesTheP2mNames() throws GuestFault {
    Hypervisor xen = new Hypervisor(64, 0);
    Domain d = xen.createDomain(1, false, GuestAbi.X86_64, 16);
    xen.populate(d, 0, 4);
    GuestMemory mem = xen.memory(d);
    byte[] data = bytes(3 * 4096, 3);
    mem.write(0x800, data);
    byte[] back = new byte[data.length];
    mem.read(0x800, back);
    assertArrayEquals(data, back);
    // the bytes really are in the frames of gfns 0..3
    assertEquals(data[0x1000 - 0x800], xen.frames().page(d.p2m().lookup(1).orElseThrow().mfn())[0]);
  }

  @Test
  void anAccessTouchingAnUnmappedPageFailsAndChangesNothing() throws GuestFault {
    Hypervisor xen = new Hypervisor(64, 0);
    Domain d = xen.createDomain(1, false, GuestAbi.X86_64, 16);
    xen.populate(d, 0, 2);
    GuestMemory mem = xen.memory(d);
    byte[] before = new byte[16];
    mem.read(0x1ff8, new byte[8]);
    GuestFault f = assertThrows(GuestFault.class, () -> mem.write(0x1ff8, bytes(16, 1)));
    assertEquals(0x2000, f.address());
    mem.read(0x1ff0, before);
    assertArrayEquals(new byte[16], before, "no byte of the failed write landed");
    assertThrows(GuestFault.class, () -> mem.read(0x5000, new byte[1]));
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void addressesBeyondTheGuestsAddressSpaceFault(GuestAbi abi) {
    Hypervisor xen = new Hypervisor(64, 0);
    Domain d = xen.createDomain(1, false, abi, 16);
    xen.populate(d, 0, 2);
    GuestMemory mem = xen.memory(d);
    assertThrows(GuestFault.class, () -> mem.read(-8, new byte[4]));
    assertThrows(
        GuestFault.class,
        () ->
            mem.read(abi == GuestAbi.I386 ? 0xFFFF_FFFEL : P2m.MAX_GFN << 12 | 0xFFE, new byte[4]));
    assertThrows(GuestFault.class, () -> mem.readUlong(0x1000, Long.MAX_VALUE / 2));
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void unsignedLongArraysHaveTheGuestsWidth(GuestAbi abi) throws GuestFault {
    Hypervisor xen = new Hypervisor(64, 0);
    Domain d = xen.createDomain(1, false, abi, 16);
    xen.populate(d, 0, 2);
    GuestMemory mem = xen.memory(d);
    mem.writeUlong(0x100, 1, 0x1234_5678_9abc_def0L);
    long expected = abi == GuestAbi.I386 ? 0x9abc_def0L : 0x1234_5678_9abc_def0L;
    assertEquals(expected, mem.readUlong(0x100, 1));
    byte[] raw = new byte[2];
    mem.read(0x100 + abi.longBytes(), raw);
    assertArrayEquals(new byte[] {(byte) 0xf0, (byte) 0xde}, raw, "little-endian at element 1");
    mem.writeInt(0x200, 2, -22);
    assertEquals(-22, mem.readInt(0x200, 2));
  }
}
