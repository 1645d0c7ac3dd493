package org.abiguard.example.xen.hv;

import static org.abiguard.example.xen.hv.Guest.ARG;
import static org.abiguard.example.xen.hv.Guest.ARRAY;
import static org.abiguard.example.xen.hv.Guest.assertConsistent;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.abiguard.example.xen.pub.DomIds;
import org.abiguard.example.xen.pub.Errno;
import org.abiguard.example.xen.pub.XenAddToPhysmap;
import org.abiguard.example.xen.pub.XenAddToPhysmapMarshaller;
import org.abiguard.example.xen.pub.XenMem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The runtime half of the 2014 regression (Xen 4.4-rc2, {@code xenmem_add_to_physmap_one} taking
 * {@code uint16_t space}): a {@code space} of 0x10000 or more is not a map space and gets {@code
 * -EINVAL}, and the p2m and the frames stay exactly as they were. Cut to 16 bits, 0x10002 would
 * have been {@code XENMAPSPACE_gmfn} and moved the frame, 0x10003 {@code gmfn_range}.
 */
class SpaceTruncationRegressionTest {
  static Stream<Arguments> spaces() {
    List<Arguments> cases = new ArrayList<>();
    for (GuestAbi abi : GuestAbi.values()) {
      for (long space :
          new long[] {0x10000, 0x10001, 0x10002, 0x10003, 0x10004, 0x8000_0002L, 0xFFFF_FFFFL}) {
        cases.add(Arguments.of(abi, space));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} space=0x{1}")
  @MethodSource("spaces")
  void aSpaceBeyond16BitsIsEinvalAndTouchesNothing(GuestAbi abi, long space) {
    Machine m = Machine.of(abi);
    Guest g = m.d1();
    var p2m = g.p2m();
    long tot = g.domain.totPages();
    int free = m.xen().frames().freeFrames();

    XenAddToPhysmap xatp = new XenAddToPhysmap();
    xatp.domid = DomIds.DOMID_SELF;
    xatp.size = 4;
    xatp.space = space;
    xatp.idx = 3;
    xatp.gpfn = 0x300;
    g.put(XenAddToPhysmapMarshaller.codec(g.abi()), xatp, ARG);
    assertEquals(-Errno.EINVAL, g.call(XenMem.ADD_TO_PHYSMAP, ARG));

    assertEquals(p2m, g.p2m());
    assertEquals(tot, g.domain.totPages());
    assertEquals(free, m.xen().frames().freeFrames());
    XenAddToPhysmap after = g.get(XenAddToPhysmapMarshaller.codec(g.abi()), ARG);
    assertEquals(space, after.space);
    assertEquals(4, after.size, "nothing written back");
    assertConsistent(m.xen());
  }

  @ParameterizedTest(name = "{0} space=0x{1}")
  @MethodSource("spaces")
  void dom0GetsTheSameAnswerForAnotherDomain(GuestAbi abi, long space) {
    Machine m = Machine.of(abi);
    var p2m = m.d1().p2m();
    XenAddToPhysmap xatp = new XenAddToPhysmap();
    xatp.domid = 1;
    xatp.space = space;
    xatp.idx = 3;
    xatp.gpfn = 0x300;
    m.dom0().put(XenAddToPhysmapMarshaller.codec(m.dom0().abi()), xatp, ARRAY);
    assertEquals(-Errno.EINVAL, m.dom0().call(XenMem.ADD_TO_PHYSMAP, ARRAY));
    assertEquals(p2m, m.d1().p2m());
  }
}
