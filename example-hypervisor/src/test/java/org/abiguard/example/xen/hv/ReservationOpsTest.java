package org.abiguard.example.xen.hv;

import static org.abiguard.example.xen.hv.Guest.ARG;
import static org.abiguard.example.xen.hv.Guest.ARRAY;
import static org.abiguard.example.xen.hv.Guest.assertConsistent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.abiguard.example.xen.pub.DomIds;
import org.abiguard.example.xen.pub.XenMem;
import org.abiguard.example.xen.pub.XenMemoryReservation;
import org.abiguard.example.xen.pub.XenMemoryReservationMarshaller;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** increase_reservation, decrease_reservation, populate_physmap: counts, limits, continuations. */
class ReservationOpsTest {
  private static XenMemoryReservation reservation(
      int domid, long list, long count, long order, long flags) {
    XenMemoryReservation r = new XenMemoryReservation();
    r.domid = domid;
    r.extentStart = list;
    r.nrExtents = count;
    r.extentOrder = order;
    r.memFlags = flags;
    return r;
  }

  private static long request(Guest g, int cmd, int domid, long order, long flags, long... gfns) {
    g.ulongs(ARRAY, gfns);
    g.put(
        XenMemoryReservationMarshaller.codec(g.abi()),
        reservation(domid, ARRAY, gfns.length, order, flags),
        ARG);
    return g.call(cmd, ARG);
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void populateMapsNewZeroedFramesAtTheListedGfns(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Guest g = m.d1();
    assertEquals(
        3, request(g, XenMem.POPULATE_PHYSMAP, DomIds.DOMID_SELF, 0, 0, 0x100, 0x101, 0x180));
    assertEquals(35, g.domain.totPages());
    for (long gfn : new long[] {0x100, 0x101, 0x180}) {
      long mfn = g.mfnAt(gfn);
      assertTrue(mfn >= 0, "gfn " + gfn + " mapped");
      assertEquals(1, m.xen().frames().owner(mfn));
      assertEquals(gfn, m.xen().frames().m2p(mfn));
    }
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void populateOfAnOrderMapsAContiguousAlignedExtent(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Guest g = m.d1();
    assertEquals(1, request(g, XenMem.POPULATE_PHYSMAP, DomIds.DOMID_SELF, 3, 0, 0x200));
    long first = g.mfnAt(0x200);
    assertEquals(0, first % 8);
    for (int i = 0; i < 8; i++) {
      assertEquals(first + i, g.mfnAt(0x200 + i));
    }
    assertEquals(40, g.domain.totPages());
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void populateStopsAtTheReservationAndReturnsTheExtentsDone(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Guest g = m.d2();
    long[] gfns = new long[52];
    for (int i = 0; i < gfns.length; i++) {
      gfns[i] = 0x100 + i;
    }
    HypercallResult r;
    g.ulongs(ARRAY, gfns);
    g.put(
        XenMemoryReservationMarshaller.codec(g.abi()),
        reservation(DomIds.DOMID_SELF, ARRAY, 52, 0, 0),
        ARG);
    r = g.callFull(XenMem.POPULATE_PHYSMAP, ARG);
    assertEquals(48, r.rc(), "64 max - 16 present");
    assertTrue(r.continuations() > 0, "48 extents with a budget of 4 are preempted");
    assertEquals(64, g.domain.totPages());
    assertEquals(-1, g.mfnAt(0x100 + 48));
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void aContinuationStartsFromTheExtentInCmd(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Guest g = m.d1();
    g.ulongs(ARRAY, 0x100, 0x101, 0x102, 0x103, 0x104);
    g.put(
        XenMemoryReservationMarshaller.codec(g.abi()),
        reservation(DomIds.DOMID_SELF, ARRAY, 5, 0, 0),
        ARG);
    long rc = g.call(XenMem.POPULATE_PHYSMAP | 3 << XenMem.MEMOP_EXTENT_SHIFT, ARG);
    assertEquals(5, rc);
    assertEquals(-1, g.mfnAt(0x100));
    assertEquals(-1, g.mfnAt(0x102));
    assertTrue(g.mfnAt(0x103) >= 0 && g.mfnAt(0x104) >= 0);
    assertEquals(34, g.domain.totPages());
    assertEquals(
        7,
        g.call(XenMem.POPULATE_PHYSMAP | 7 << XenMem.MEMOP_EXTENT_SHIFT, ARG),
        "start beyond the list");
    assertEquals(34, g.domain.totPages());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void refusedRequestsDoNothingAndReturnTheStartExtent(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Guest g = m.d1();
    var before = g.p2m();
    assertEquals(
        0, request(g, XenMem.POPULATE_PHYSMAP, 2, 0, 0, 0x100), "another domain: no privilege");
    assertEquals(0, request(g, XenMem.POPULATE_PHYSMAP, 9, 0, 0, 0x100), "no such domain");
    assertEquals(
        0, request(g, XenMem.POPULATE_PHYSMAP, DomIds.DOMID_IO, 0, 0, 0x100), "reserved id");
    assertEquals(
        0, request(g, XenMem.POPULATE_PHYSMAP, DomIds.DOMID_SELF, 10, 0, 0x400), "order above 9");
    assertEquals(
        0, request(g, XenMem.POPULATE_PHYSMAP, DomIds.DOMID_SELF, 0, 12, 0x100), "12 address bits");
    assertEquals(
        0,
        request(g, XenMem.POPULATE_PHYSMAP, DomIds.DOMID_SELF, 0, 1L << 16, 0x100),
        "populate on demand");
    assertEquals(0, g.call(XenMem.POPULATE_PHYSMAP, 0x7000_0000L), "argument not mapped");
    g.put(
        XenMemoryReservationMarshaller.codec(g.abi()),
        reservation(DomIds.DOMID_SELF, 0x7000_0000L, 2, 0, 0),
        ARG);
    assertEquals(0, g.call(XenMem.POPULATE_PHYSMAP, ARG), "extent list not mapped");
    g.put(
        XenMemoryReservationMarshaller.codec(g.abi()),
        reservation(DomIds.DOMID_SELF, ARRAY, (0xFFFF_FFFFL >>> 6) + 1, 0, 0),
        ARG);
    assertEquals(0, g.call(XenMem.POPULATE_PHYSMAP, ARG), "too many extents for a continuation");
    assertEquals(before, g.p2m());
    assertEquals(32, g.domain.totPages());
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void aPrivilegedDomainActsOnOthersWithLargerOrders(GuestAbi abi) {
    Machine m = Machine.of(abi);
    assertEquals(2, request(m.dom0(), XenMem.POPULATE_PHYSMAP, 1, 0, 0, 0x300, 0x301));
    assertTrue(m.d1().mfnAt(0x300) >= 0);
    assertEquals(34, m.d1().domain.totPages());
    assertEquals(
        1,
        request(m.dom0(), XenMem.POPULATE_PHYSMAP, DomIds.DOMID_SELF, 7, 0, 0x400),
        "order 7 for dom0");
    assertEquals(64 + 128, m.dom0().domain.totPages());
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void addressBitsKeepFramesLow(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Guest g = m.d1();
    // 20 address bits: frames below 1 MiB, i.e. mfn < 256; dom0/d1/d2 took the first 112 frames.
    assertEquals(2, request(g, XenMem.POPULATE_PHYSMAP, DomIds.DOMID_SELF, 0, 20, 0x100, 0x101));
    assertTrue(g.mfnAt(0x100) < 256 && g.mfnAt(0x101) < 256);
    // 13 address bits: the two lowest frames, which are taken
    assertEquals(0, request(g, XenMem.POPULATE_PHYSMAP, DomIds.DOMID_SELF, 0, 13, 0x102));
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void populateOverAMappedGfnLeavesTheOldFrameOwnedButUnmapped(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Guest g = m.d1();
    long old = g.mfnAt(5);
    assertEquals(1, request(g, XenMem.POPULATE_PHYSMAP, DomIds.DOMID_SELF, 0, 0, 5));
    assertTrue(g.mfnAt(5) != old);
    assertEquals(1, m.xen().frames().owner(old));
    assertEquals(FrameTable.INVALID_M2P, m.xen().frames().m2p(old));
    assertEquals(33, g.domain.totPages());
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void decreaseFreesFramesAndStopsAtTheFirstHole(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Guest g = m.d1();
    long freed = g.mfnAt(10);
    int free = m.xen().frames().freeFrames();
    assertEquals(
        2, request(g, XenMem.DECREASE_RESERVATION, DomIds.DOMID_SELF, 0, 0, 10, 11, 0x500, 12));
    assertEquals(-1, g.mfnAt(10));
    assertEquals(-1, g.mfnAt(11));
    assertTrue(g.mfnAt(12) >= 0, "after the hole nothing is done");
    assertEquals(-1, m.xen().frames().owner(freed));
    assertEquals(free + 2, m.xen().frames().freeFrames());
    assertEquals(30, g.domain.totPages());
    assertEquals(
        1,
        request(g, XenMem.DECREASE_RESERVATION, DomIds.DOMID_SELF, 1, 0, 12),
        "order 1: gfns 12 and 13");
    assertEquals(-1, g.mfnAt(13));
    // gfn 9 goes, gfn 10 is a hole: like Xen, the extent counts as not done but 9 stays freed
    assertEquals(0, request(g, XenMem.DECREASE_RESERVATION, DomIds.DOMID_SELF, 1, 0, 9));
    assertEquals(-1, g.mfnAt(9));
    assertEquals(27, g.domain.totPages());
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void increaseAssignsFramesWithoutMappingThem(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Guest g = m.d1();
    g.put(
        XenMemoryReservationMarshaller.codec(g.abi()),
        reservation(DomIds.DOMID_SELF, 0, 3, 1, 0),
        ARG);
    assertEquals(3, g.call(XenMem.INCREASE_RESERVATION, ARG));
    assertEquals(38, g.domain.totPages());
    assertEquals(32, g.domain.p2m().size());
    assertConsistent(m.xen());
  }
}
