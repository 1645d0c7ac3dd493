package org.abiguard.example.xen.hv;

import static org.abiguard.example.xen.hv.Guest.ARG;
import static org.abiguard.example.xen.hv.Guest.ARRAY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.abiguard.AbiCodec;
import org.abiguard.example.xen.pub.DomIds;
import org.abiguard.example.xen.pub.Errno;
import org.abiguard.example.xen.pub.XenE820Entry;
import org.abiguard.example.xen.pub.XenE820EntryMarshaller;
import org.abiguard.example.xen.pub.XenForeignMemoryMap;
import org.abiguard.example.xen.pub.XenForeignMemoryMapMarshaller;
import org.abiguard.example.xen.pub.XenMem;
import org.abiguard.example.xen.pub.XenMemoryMap;
import org.abiguard.example.xen.pub.XenMemoryMapMarshaller;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** memory_map and set_memory_map, with e820 entries in guest memory. */
class MemoryMapOpsTest {
  private static XenMemoryMap memoryMap(Guest g, long room, long buffer, long expectRc) {
    XenMemoryMap map = new XenMemoryMap();
    map.nrEntries = room;
    map.buffer = buffer;
    g.put(XenMemoryMapMarshaller.codec(g.abi()), map, ARG);
    assertEquals(expectRc, g.call(XenMem.MEMORY_MAP, ARG));
    return g.get(XenMemoryMapMarshaller.codec(g.abi()), ARG);
  }

  private static XenE820Entry entry(Guest g, int i) {
    try {
      return g.memory().copyFromGuestOffset(XenE820EntryMarshaller.codec(g.abi()), ARRAY, i);
    } catch (GuestFault e) {
      throw new AssertionError(e);
    }
  }

  private static long setMap(Guest g, int domid, List<XenE820Entry> entries, long count) {
    return setMap(g, domid, entries, count, ARRAY);
  }

  private static long setMap(
      Guest g, int domid, List<XenE820Entry> entries, long count, long buffer) {
    AbiCodec<XenE820Entry> codec = XenE820EntryMarshaller.codec(g.abi());
    for (int i = 0; i < entries.size(); i++) {
      g.put(codec, entries.get(i), ARRAY + (long) i * codec.size());
    }
    XenForeignMemoryMap f = new XenForeignMemoryMap();
    f.domid = domid;
    f.map.nrEntries = count;
    f.map.buffer = buffer;
    g.put(XenForeignMemoryMapMarshaller.codec(g.abi()), f, ARG);
    return g.call(XenMem.SET_MEMORY_MAP, ARG);
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void aGuestReadsItsMemoryMap(GuestAbi abi) {
    Machine m = Machine.of(abi);
    XenMemoryMap map = memoryMap(m.d1(), 8, ARRAY, 0);
    assertEquals(1, map.nrEntries);
    XenE820Entry e = entry(m.d1(), 0);
    assertEquals(0, e.addr);
    assertEquals(128L * 4096, e.size);
    assertEquals(XenE820Entry.E820_RAM, e.type);
    assertEquals(0, memoryMap(m.d1(), 0, ARRAY, 0).nrEntries, "no room: nothing copied");
    memoryMap(m.d1(), 1, 0x7000_0000L, -Errno.EFAULT);
    assertEquals(-Errno.EFAULT, m.d1().call(XenMem.MEMORY_MAP, 0x7000_0000L));
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void theToolstackOrTheGuestItselfSetsTheMap(GuestAbi abi) {
    Machine m = Machine.of(abi);
    List<XenE820Entry> map =
        List.of(
            XenE820Entry.of(0, 0x9f000, XenE820Entry.E820_RAM),
            XenE820Entry.of(0xf0000, 0x10000, XenE820Entry.E820_RESERVED),
            XenE820Entry.of(0x1_0000_0000L, 0x2_0000_0000L, XenE820Entry.E820_RAM));
    assertEquals(0, setMap(m.dom0(), 1, map, 3));
    assertEquals(3, memoryMap(m.d1(), 4, ARRAY, 0).nrEntries);
    XenE820Entry high = entry(m.d1(), 2);
    assertEquals(
        0x1_0000_0000L, high.addr, "64-bit addresses at 4-aligned offsets in the packed array");
    assertEquals(0x2_0000_0000L, high.size);
    assertEquals(2, memoryMap(m.d1(), 2, ARRAY, 0).nrEntries, "room for two");

    assertEquals(0, setMap(m.d1(), DomIds.DOMID_SELF, map.subList(0, 1), 1), "XSM_TARGET: itself");
    assertEquals(1, memoryMap(m.d1(), 4, ARRAY, 0).nrEntries);
    assertEquals(-Errno.EPERM, setMap(m.d1(), 2, map, 3));
    assertEquals(-Errno.ESRCH, setMap(m.dom0(), 4, map, 3));
    assertEquals(-Errno.EINVAL, setMap(m.dom0(), 1, map, XenMem.E820MAX + 1));
    assertEquals(
        -Errno.EFAULT,
        setMap(m.dom0(), 1, map, 1, 64 * 0x1000L - 10),
        "the entry runs out of dom0's memory");
    assertEquals(1, memoryMap(m.d1(), 4, ARRAY, 0).nrEntries, "a failed set changes nothing");
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void anEmptyMapMakesMemoryMapUnavailable(GuestAbi abi) {
    Machine m = Machine.of(abi);
    assertEquals(0, setMap(m.dom0(), 1, List.of(), 0));
    memoryMap(m.d1(), 4, ARRAY, -Errno.ENOSYS);
  }
}
