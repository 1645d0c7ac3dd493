package org.abiguard.example.xen.hv;

import static org.abiguard.example.xen.hv.Guest.ARG;
import static org.abiguard.example.xen.hv.Guest.ARRAY;
import static org.abiguard.example.xen.hv.Guest.ARRAY2;
import static org.abiguard.example.xen.hv.Guest.assertConsistent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.abiguard.example.xen.pub.DomIds;
import org.abiguard.example.xen.pub.Errno;
import org.abiguard.example.xen.pub.XenMem;
import org.abiguard.example.xen.pub.XenMemoryExchange;
import org.abiguard.example.xen.pub.XenMemoryExchangeMarshaller;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** XENMEM_exchange: chunks, progress in nr_exchanged, all-or-nothing chunks, -ENOMEM. */
class ExchangeOpTest {
  private static XenMemoryExchange exchange(
      Guest g, long inOrder, long[] in, long outOrder, long[] out) {
    XenMemoryExchange x = new XenMemoryExchange();
    x.in.domid = DomIds.DOMID_SELF;
    x.in.extentOrder = inOrder;
    x.in.nrExtents = in.length;
    x.in.extentStart = g.ulongs(ARRAY, in);
    x.out.domid = DomIds.DOMID_SELF;
    x.out.extentOrder = outOrder;
    x.out.nrExtents = out.length;
    x.out.extentStart = g.ulongs(ARRAY2, out);
    return x;
  }

  private static long call(Guest g, XenMemoryExchange x) {
    g.put(XenMemoryExchangeMarshaller.codec(g.abi()), x, ARG);
    return g.call(XenMem.EXCHANGE, ARG);
  }

  private static long exchanged(Guest g) {
    return g.get(XenMemoryExchangeMarshaller.codec(g.abi()), ARG).nrExchanged;
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void fourFramesForOneOrderTwoExtent(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Guest g = m.d1();
    long[] old = {g.mfnAt(4), g.mfnAt(5), g.mfnAt(6), g.mfnAt(7)};
    assertEquals(0, call(g, exchange(g, 0, new long[] {4, 5, 6, 7}, 2, new long[] {0x400})));
    assertEquals(4, exchanged(g));
    long first = g.mfnAt(0x400);
    assertEquals(0, first % 4);
    for (int i = 0; i < 4; i++) {
      assertEquals(first + i, g.mfnAt(0x400 + i));
      assertEquals(-1, g.mfnAt(4 + i));
      assertEquals(-1, m.xen().frames().owner(old[i]));
    }
    assertEquals(32, g.domain.totPages());
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void oneExtentForFourSingleFramesInPlace(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Guest g = m.d1();
    ReservationOpsTestSupport.populate(g, 0x100);
    assertEquals(
        0,
        call(g, exchange(g, 0, new long[] {8, 9}, 0, new long[] {8, 9})),
        "same gfns, new frames");
    assertTrue(g.mfnAt(8) >= 0 && g.mfnAt(9) >= 0);
    assertEquals(33, g.domain.totPages());
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void aFailingChunkChangesNothingAndProgressIsReported(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Guest g = m.d1();
    var before = g.p2m();
    // chunks of one frame each: 10 and 11 go, 0x99 is not d1's, so the third chunk fails
    long rc =
        call(
            g,
            exchange(
                g, 0, new long[] {10, 11, 0x99, 12}, 0, new long[] {0x300, 0x301, 0x302, 0x303}));
    assertEquals(-Errno.EINVAL, rc);
    assertEquals(2, exchanged(g));
    assertTrue(g.mfnAt(0x301) >= 0);
    assertEquals(-1, g.mfnAt(0x302));
    assertEquals(before.get(12L), g.p2m().get(12L));
    assertEquals(32, g.domain.totPages());
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void badShapesAreRefused(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Guest g = m.d1();
    var before = g.p2m();
    assertEquals(
        -Errno.EINVAL,
        call(g, exchange(g, 0, new long[] {4, 5, 6}, 2, new long[] {0x400})),
        "3 pages for 4");
    XenMemoryExchange other = exchange(g, 0, new long[] {4}, 0, new long[] {0x400});
    other.out.domid = 2;
    assertEquals(-Errno.EINVAL, call(g, other), "in and out name different domains");
    XenMemoryExchange done = exchange(g, 0, new long[] {4}, 0, new long[] {0x400});
    done.nrExchanged = 2;
    assertEquals(-Errno.EINVAL, call(g, done), "more exchanged than asked");
    assertEquals(
        -Errno.EPERM, call(g, exchange(g, 10, new long[] {0}, 10, new long[] {0x400})), "order 10");
    XenMemoryExchange foreign = exchange(g, 0, new long[] {4}, 0, new long[] {0x400});
    foreign.in.domid = 2;
    foreign.out.domid = 2;
    assertEquals(-Errno.EPERM, call(g, foreign));
    foreign.in.domid = 5;
    foreign.out.domid = 5;
    assertEquals(-Errno.ESRCH, call(g, foreign));
    assertEquals(-Errno.EFAULT, g.call(XenMem.EXCHANGE, 0x7000_0000L));
    assertEquals(before, g.p2m());
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void noFramesLeftIsEnomem(GuestAbi abi) {
    Hypervisor xen = new Hypervisor(36, 0);
    Domain d = xen.createDomain(1, false, abi, 64);
    xen.populate(d, 0, 34);
    Guest g = new Guest(xen, d);
    // 2 frames free, but an order-2 extent needs 4 contiguous ones
    var before = g.p2m();
    assertEquals(
        -Errno.ENOMEM, call(g, exchange(g, 0, new long[] {4, 5, 6, 7}, 2, new long[] {0x400})));
    assertEquals(0, exchanged(g));
    assertEquals(before, g.p2m());
    assertEquals(34, d.totPages());
    assertConsistent(xen);
  }
}
