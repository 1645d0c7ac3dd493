package org.abiguard.example.xen.hv;

import static org.abiguard.example.xen.hv.Guest.ARG;
import static org.abiguard.example.xen.hv.Guest.ARRAY;
import static org.abiguard.example.xen.hv.Guest.ARRAY2;
import static org.abiguard.example.xen.hv.Guest.ARRAY3;
import static org.abiguard.example.xen.hv.Guest.assertConsistent;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.abiguard.example.xen.pub.DomIds;
import org.abiguard.example.xen.pub.Errno;
import org.abiguard.example.xen.pub.XenAddToPhysmap;
import org.abiguard.example.xen.pub.XenAddToPhysmapBatch;
import org.abiguard.example.xen.pub.XenAddToPhysmapBatchMarshaller;
import org.abiguard.example.xen.pub.XenAddToPhysmapMarshaller;
import org.abiguard.example.xen.pub.XenMapSpace;
import org.abiguard.example.xen.pub.XenMem;
import org.abiguard.example.xen.pub.XenRemoveFromPhysmap;
import org.abiguard.example.xen.pub.XenRemoveFromPhysmapMarshaller;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** add_to_physmap, add_to_physmap_batch and remove_from_physmap, driven through guest memory. */
class PhysmapOpsTest {
  static XenAddToPhysmap xatp(int domid, long space, int size, long idx, long gpfn) {
    XenAddToPhysmap x = new XenAddToPhysmap();
    x.domid = domid;
    x.space = space;
    x.size = size;
    x.idx = idx;
    x.gpfn = gpfn;
    return x;
  }

  static long addToPhysmap(Guest g, XenAddToPhysmap x, long at) {
    g.put(XenAddToPhysmapMarshaller.codec(g.abi()), x, at);
    return g.call(XenMem.ADD_TO_PHYSMAP, at);
  }

  static long addToPhysmap(Guest g, long space, long idx, long gpfn) {
    return addToPhysmap(g, xatp(DomIds.DOMID_SELF, space, 0, idx, gpfn), ARG);
  }

  private static XenAddToPhysmapBatch batch(
      int domid, int space, int foreign, long[] idxs, long[] gpfns, Guest g) {
    XenAddToPhysmapBatch b = new XenAddToPhysmapBatch();
    b.domid = domid;
    b.space = space;
    b.size = idxs.length;
    b.foreignDomid = foreign;
    b.idxs = g.ulongs(ARRAY, idxs);
    b.gpfns = g.ulongs(ARRAY2, gpfns);
    b.errs = ARRAY3;
    return b;
  }

  private static long callBatch(Guest g, XenAddToPhysmapBatch b) {
    g.put(XenAddToPhysmapBatchMarshaller.codec(g.abi()), b, ARG);
    return g.call(XenMem.ADD_TO_PHYSMAP_BATCH, ARG);
  }

  private static long remove(Guest g, int domid, long gpfn) {
    XenRemoveFromPhysmap x = new XenRemoveFromPhysmap();
    x.domid = domid;
    x.gpfn = gpfn;
    g.put(XenRemoveFromPhysmapMarshaller.codec(g.abi()), x, ARG);
    return g.call(XenMem.REMOVE_FROM_PHYSMAP, ARG);
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void gmfnMovesAFrameToTheNewGfn(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Guest g = m.d1();
    long mfn = g.mfnAt(7);
    assertEquals(0, addToPhysmap(g, XenMapSpace.GMFN, 7, 0x300));
    assertEquals(-1, g.mfnAt(7));
    assertEquals(mfn, g.mfnAt(0x300));
    assertEquals(0x300, m.xen().frames().m2p(mfn));
    assertEquals(32, g.domain.totPages());
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void gmfnOntoAMappedGfnFreesTheFrameThere(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Guest g = m.d1();
    long moved = g.mfnAt(7);
    long replaced = g.mfnAt(8);
    assertEquals(0, addToPhysmap(g, XenMapSpace.GMFN, 7, 8));
    assertEquals(moved, g.mfnAt(8));
    assertEquals(-1, m.xen().frames().owner(replaced));
    assertEquals(31, g.domain.totPages());
    assertEquals(0, addToPhysmap(g, XenMapSpace.GMFN, 8, 8), "onto itself: nothing changes");
    assertEquals(moved, g.mfnAt(8));
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void gmfnErrorsLeaveThePhysmapAlone(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Guest g = m.d1();
    var before = g.p2m();
    assertEquals(-Errno.EINVAL, addToPhysmap(g, XenMapSpace.GMFN, 0x999, 0x300), "idx not mapped");
    if (abi == GuestAbi.X86_64) {
      assertEquals(
          -Errno.EINVAL,
          addToPhysmap(g, XenMapSpace.GMFN, 3, P2m.MAX_GFN + 1),
          "gpfn beyond the p2m");
    }
    assertEquals(
        -Errno.EINVAL, addToPhysmap(g, XenMapSpace.SHARED_INFO, 0, 0x300), "no shared info here");
    assertEquals(
        -Errno.EINVAL, addToPhysmap(g, XenMapSpace.GRANT_TABLE, 0, 0x300), "no grant table here");
    assertEquals(
        -Errno.ENOSYS, addToPhysmap(g, XenMapSpace.GMFN_FOREIGN, 0, 0x300), "foreign: batch only");
    assertEquals(
        -Errno.EACCES,
        addToPhysmap(g, XenMapSpace.DEV_MMIO, 0, 0x300),
        "mmio: hardware domain only");
    assertEquals(-Errno.EINVAL, addToPhysmap(g, 6, 3, 0x300), "no space 6");
    assertEquals(
        -Errno.EPERM,
        addToPhysmap(g, xatp(2, XenMapSpace.GMFN, 0, 3, 0x300), ARG),
        "d2 is not d1's");
    assertEquals(
        -Errno.ESRCH, addToPhysmap(g, xatp(5, XenMapSpace.GMFN, 0, 3, 0x300), ARG), "no d5");
    assertEquals(
        -Errno.ESRCH, addToPhysmap(g, xatp(DomIds.DOMID_XEN, XenMapSpace.GMFN, 0, 3, 0x300), ARG));
    assertEquals(-Errno.EFAULT, g.call(XenMem.ADD_TO_PHYSMAP, 0x4000_0000L), "argument not mapped");
    assertEquals(
        -Errno.EINVAL,
        g.call(XenMem.ADD_TO_PHYSMAP | 1 << XenMem.MEMOP_EXTENT_SHIFT, ARG),
        "no start extent for add_to_physmap");
    assertEquals(before, g.p2m());
    assertEquals(
        -Errno.EINVAL,
        addToPhysmap(m.dom0(), XenMapSpace.DEV_MMIO, 0, 0x300),
        "dom0: no mmio frames");
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void anArgumentAcrossAPageBoundaryIsReadFromBothPages(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Guest g = m.d1();
    long mfn = g.mfnAt(3);
    long at = 0x2000 - 6;
    assertEquals(0, addToPhysmap(g, xatp(DomIds.DOMID_SELF, XenMapSpace.GMFN, 0, 3, 0x300), at));
    assertEquals(mfn, g.mfnAt(0x300));
    // an argument whose first bytes are in the last mapped page (gfn 31) and the rest in gfn 32,
    // which is not mapped: -EFAULT, nothing changes
    long edge = 32 * 0x1000L - 6;
    var before = g.p2m();
    assertEquals(-Errno.EFAULT, g.call(XenMem.ADD_TO_PHYSMAP, edge));
    assertEquals(before, g.p2m());
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void gmfnRangeIsPreemptedAndContinuedUntilDone(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Guest g = m.d1();
    long[] mfns = new long[10];
    for (int i = 0; i < 10; i++) {
      mfns[i] = g.mfnAt(10 + i);
    }
    g.put(
        XenAddToPhysmapMarshaller.codec(g.abi()),
        xatp(DomIds.DOMID_SELF, XenMapSpace.GMFN_RANGE, 10, 10, 0x400),
        ARG);
    HypercallResult r = g.callFull(XenMem.ADD_TO_PHYSMAP, ARG);
    assertEquals(0, r.rc());
    assertEquals(2, r.continuations(), "10 pages, preempted after 4 and 8");
    for (int i = 0; i < 10; i++) {
      assertEquals(mfns[i], g.mfnAt(0x400 + i));
      assertEquals(-1, g.mfnAt(10 + i));
    }
    // Xen 4.4 writes progress back only with a non-zero rc: the last write was before the
    // last continuation, 2 pages left.
    XenAddToPhysmap left = g.get(XenAddToPhysmapMarshaller.codec(g.abi()), ARG);
    assertEquals(2, left.size);
    assertEquals(18, left.idx);
    assertEquals(0x408, left.gpfn);
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void gmfnRangeStopsAtAnErrorAndReportsProgress(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Guest g = m.d1();
    g.put(
        XenAddToPhysmapMarshaller.codec(g.abi()),
        xatp(DomIds.DOMID_SELF, XenMapSpace.GMFN_RANGE, 5, 29, 0x400),
        ARG);
    assertEquals(-Errno.EINVAL, g.call(XenMem.ADD_TO_PHYSMAP, ARG), "gfn 32 is not mapped");
    XenAddToPhysmap left = g.get(XenAddToPhysmapMarshaller.codec(g.abi()), ARG);
    assertEquals(2, left.size);
    assertEquals(32, left.idx);
    assertEquals(0x403, left.gpfn);
    assertTrue(g.mfnAt(0x402) >= 0 && g.mfnAt(0x403) < 0);
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void gmfnRangeIndexesWrapLikeTheGuestsUnsignedLong(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Guest g = m.d1();
    long seventh = g.mfnAt(7);
    g.put(
        XenAddToPhysmapMarshaller.codec(g.abi()),
        xatp(DomIds.DOMID_SELF, XenMapSpace.GMFN_RANGE, 3, 5, abi.maxUlong() - 1),
        ARG);
    if (abi == GuestAbi.I386) {
      // 0xfffffffe, 0xffffffff, then gpfn wraps to 0 as a 32-bit unsigned long does
      assertEquals(0, g.call(XenMem.ADD_TO_PHYSMAP, ARG));
      assertEquals(seventh, g.mfnAt(0));
      assertTrue(g.mfnAt(0xFFFF_FFFFL) >= 0);
    } else {
      assertEquals(-Errno.EINVAL, g.call(XenMem.ADD_TO_PHYSMAP, ARG), "gpfn beyond the p2m");
      XenAddToPhysmap left = g.get(XenAddToPhysmapMarshaller.codec(g.abi()), ARG);
      assertEquals(3, left.size);
      assertEquals(abi.maxUlong() - 1, left.gpfn);
    }
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void theCallersUnsignedLongDecidesTheWrapNotTheTargets(GuestAbi abi) {
    GuestAbi other = abi == GuestAbi.X86_64 ? GuestAbi.I386 : GuestAbi.X86_64;
    Machine m = Machine.of(abi, other);
    long seventh = m.d1().mfnAt(7);
    addToPhysmap(m.dom0(), xatp(1, XenMapSpace.GMFN_RANGE, 3, 5, 0xFFFF_FFFEL), ARG);
    long third = abi == GuestAbi.I386 ? 0 : 0x1_0000_0000L;
    assertEquals(seventh, m.d1().mfnAt(third), "dom0's struct, dom0's " + abi + " unsigned long");
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void batchWritesEachEntrysResult(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Guest g = m.d1();
    long mfn = g.mfnAt(3);
    long r =
        callBatch(
            g,
            batch(
                DomIds.DOMID_SELF,
                XenMapSpace.GMFN,
                DomIds.DOMID_INVALID,
                new long[] {3, 0x999, 4},
                new long[] {0x300, 0x301, 0x302},
                g));
    assertEquals(0, r);
    assertArrayEquals(new int[] {0, -Errno.EINVAL, 0}, g.ints(ARRAY3, 3));
    assertEquals(mfn, g.mfnAt(0x300));
    assertTrue(g.mfnAt(0x302) >= 0);
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void batchIsPreemptedAndContinued(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Guest g = m.d1();
    long[] idxs = new long[9];
    long[] gpfns = new long[9];
    for (int i = 0; i < 9; i++) {
      idxs[i] = 10 + i;
      gpfns[i] = 0x300 + i;
    }
    XenAddToPhysmapBatch b = batch(DomIds.DOMID_SELF, XenMapSpace.GMFN, 0, idxs, gpfns, g);
    g.put(XenAddToPhysmapBatchMarshaller.codec(g.abi()), b, ARG);
    HypercallResult r = g.callFull(XenMem.ADD_TO_PHYSMAP_BATCH, ARG);
    assertEquals(0, r.rc());
    assertEquals(2, r.continuations());
    assertArrayEquals(new int[9], g.ints(ARRAY3, 9));
    for (int i = 0; i < 9; i++) {
      assertTrue(g.mfnAt(0x300 + i) >= 0);
    }
    XenAddToPhysmapBatch left = g.get(XenAddToPhysmapBatchMarshaller.codec(g.abi()), ARG);
    assertEquals(1, left.size, "progress written at the last preemption: 8 of 9 done");
    assertEquals(ARRAY + 8L * abi.longBytes(), left.idxs);
    assertEquals(ARRAY3 + 8L * 4, left.errs);
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void privilegedDomainMapsForeignFramesAndTheOwnerKeepsThem(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Guest dom0 = m.dom0();
    long mfn = m.d1().mfnAt(5);
    long r =
        callBatch(
            dom0,
            batch(
                DomIds.DOMID_SELF,
                XenMapSpace.GMFN_FOREIGN,
                1,
                new long[] {5, 6},
                new long[] {0x200, 0x201},
                dom0));
    assertEquals(0, r);
    assertArrayEquals(new int[] {0, 0}, dom0.ints(ARRAY3, 2));
    assertEquals(mfn, dom0.mfnAt(0x200));
    assertEquals(P2m.Type.FOREIGN, dom0.domain.p2m().lookup(0x200).orElseThrow().type());
    assertEquals(1, m.xen().frames().owner(mfn));
    assertEquals(1, m.xen().frames().foreignRefs(mfn));
    assertEquals(64, dom0.domain.totPages());
    assertConsistent(m.xen());

    // d1 gives the frame back while dom0 still maps it: d1 keeps paying for it until unmapped
    ReservationOpsTestSupport.decrease(m.d1(), 5);
    assertEquals(-1, m.d1().mfnAt(5));
    assertEquals(32, m.d1().domain.totPages());
    assertConsistent(m.xen());
    assertEquals(0, remove(dom0, DomIds.DOMID_SELF, 0x200));
    assertEquals(-1, m.xen().frames().owner(mfn));
    assertEquals(31, m.d1().domain.totPages());
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void foreignMappingErrorsGoToTheErrsArray(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Guest dom0 = m.dom0();
    var before = dom0.p2m();
    long[] one = {5};
    long[] at = {0x200};
    assertEquals(
        0,
        callBatch(m.d1(), batch(DomIds.DOMID_SELF, XenMapSpace.GMFN_FOREIGN, 2, one, at, m.d1())));
    assertArrayEquals(
        new int[] {-Errno.EPERM}, m.d1().ints(ARRAY3, 1), "unprivileged d1 cannot map d2");
    for (int[] c :
        new int[][] {
          {DomIds.DOMID_SELF, -Errno.EINVAL},
          {0, -Errno.ESRCH},
          {9, -Errno.ESRCH},
          {DomIds.DOMID_IO, -Errno.ESRCH}
        }) {
      assertEquals(
          0,
          callBatch(dom0, batch(DomIds.DOMID_SELF, XenMapSpace.GMFN_FOREIGN, c[0], one, at, dom0)));
      assertArrayEquals(new int[] {c[1]}, dom0.ints(ARRAY3, 1), "foreign domid " + c[0]);
    }
    assertEquals(
        0,
        callBatch(
            dom0,
            batch(DomIds.DOMID_SELF, XenMapSpace.GMFN_FOREIGN, 1, new long[] {0x77}, at, dom0)));
    assertArrayEquals(new int[] {-Errno.EINVAL}, dom0.ints(ARRAY3, 1), "d1 has no gfn 0x77");
    assertEquals(0, callBatch(dom0, batch(1, XenMapSpace.GMFN_FOREIGN, 1, one, at, dom0)));
    assertArrayEquals(new int[] {-Errno.EINVAL}, dom0.ints(ARRAY3, 1), "d1 cannot map itself");
    assertEquals(before, dom0.p2m());
    assertEquals(
        -Errno.EOPNOTSUPP,
        callBatch(dom0, batch(DomIds.DOMID_SELF, XenMapSpace.GMFN_RANGE, 0, one, at, dom0)));
    assertEquals(-Errno.EPERM, callBatch(m.d1(), batch(2, XenMapSpace.GMFN, 0, one, at, m.d1())));
    assertEquals(-Errno.ESRCH, callBatch(m.d1(), batch(8, XenMapSpace.GMFN, 0, one, at, m.d1())));
    XenAddToPhysmapBatch unmappedErrs =
        batch(DomIds.DOMID_SELF, XenMapSpace.GMFN, 0, one, at, m.d1());
    unmappedErrs.errs = 0x7000_0000L;
    assertEquals(-Errno.EFAULT, callBatch(m.d1(), unmappedErrs));
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void aForeignMappingCannotBeReplacedOrGivenBackByTheMapper(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Guest dom0 = m.dom0();
    callBatch(
        dom0,
        batch(
            DomIds.DOMID_SELF,
            XenMapSpace.GMFN_FOREIGN,
            1,
            new long[] {5},
            new long[] {0x200},
            dom0));
    assertEquals(-Errno.ENXIO, addToPhysmap(dom0, XenMapSpace.GMFN, 3, 0x200));
    assertEquals(0, ReservationOpsTestSupport.decrease(dom0, 0x200), "not dom0's own frame");
    assertEquals(P2m.Type.FOREIGN, dom0.domain.p2m().lookup(0x200).orElseThrow().type());
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void removeFromPhysmapUnhooksButKeepsTheFrameAllocated(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Guest g = m.d1();
    long mfn = g.mfnAt(9);
    assertEquals(0, remove(g, DomIds.DOMID_SELF, 9));
    assertEquals(-1, g.mfnAt(9));
    assertEquals(1, m.xen().frames().owner(mfn));
    assertEquals(32, g.domain.totPages());
    assertEquals(-Errno.ENOENT, remove(g, DomIds.DOMID_SELF, 9));
    assertEquals(-Errno.EPERM, remove(g, 0, 9));
    assertEquals(-Errno.ESRCH, remove(g, 3, 9));
    assertEquals(-Errno.EFAULT, g.call(XenMem.REMOVE_FROM_PHYSMAP, 0x5000_0000L));
    assertEquals(0, remove(m.dom0(), 1, 10), "dom0 may act on d1");
    assertEquals(-1, g.mfnAt(10));
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void anI386Or64BitDom0ServesGuestsOfTheOtherAbi(GuestAbi abi) {
    GuestAbi other = abi == GuestAbi.X86_64 ? GuestAbi.I386 : GuestAbi.X86_64;
    Machine m = Machine.of(abi, other);
    long mfn = m.d1().mfnAt(4);
    assertEquals(0, addToPhysmap(m.d1(), XenMapSpace.GMFN, 4, 0x300));
    assertEquals(mfn, m.d1().mfnAt(0x300));
    assertEquals(
        0,
        callBatch(
            m.dom0(),
            batch(
                DomIds.DOMID_SELF,
                XenMapSpace.GMFN_FOREIGN,
                1,
                new long[] {0x300},
                new long[] {0x200},
                m.dom0())));
    assertEquals(mfn, m.dom0().mfnAt(0x200));
    assertConsistent(m.xen());
  }
}
