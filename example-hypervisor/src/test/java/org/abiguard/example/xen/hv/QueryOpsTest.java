package org.abiguard.example.xen.hv;

import static org.abiguard.example.xen.hv.Guest.ARG;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.abiguard.example.xen.pub.DomIds;
import org.abiguard.example.xen.pub.Errno;
import org.abiguard.example.xen.pub.XenMem;
import org.abiguard.example.xen.pub.XenPodTarget;
import org.abiguard.example.xen.pub.XenPodTargetMarshaller;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** current_reservation, maximum_reservation, maximum_gpfn, maximum_ram_page, get_pod_target. */
class QueryOpsTest {
  private static long stat(Guest g, int cmd, int domid) {
    g.writeU16(ARG, domid);
    return g.call(cmd, ARG);
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void reservationsAndHighestGfnOfSelfAndOthers(GuestAbi abi) {
    Machine m = Machine.of(abi);
    assertEquals(32, stat(m.d1(), XenMem.CURRENT_RESERVATION, DomIds.DOMID_SELF));
    assertEquals(32, stat(m.d1(), XenMem.CURRENT_RESERVATION, 1));
    assertEquals(128, stat(m.d1(), XenMem.MAXIMUM_RESERVATION, DomIds.DOMID_SELF));
    assertEquals(31, stat(m.d1(), XenMem.MAXIMUM_GPFN, DomIds.DOMID_SELF));
    assertEquals(16, stat(m.dom0(), XenMem.CURRENT_RESERVATION, 2), "dom0 may look at d2");
    assertEquals(64, stat(m.dom0(), XenMem.MAXIMUM_RESERVATION, 2));
    ReservationOpsTestSupport.populate(m.d2(), 0x4000);
    assertEquals(0x4000, stat(m.dom0(), XenMem.MAXIMUM_GPFN, 2));
    ReservationOpsTestSupport.decrease(m.d2(), 0x4000);
    assertEquals(0x4000, stat(m.dom0(), XenMem.MAXIMUM_GPFN, 2), "the highest gfn ever mapped");
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void errorsOfTheDomainStatistics(GuestAbi abi) {
    Machine m = Machine.of(abi);
    for (int cmd :
        new int[] {XenMem.CURRENT_RESERVATION, XenMem.MAXIMUM_RESERVATION, XenMem.MAXIMUM_GPFN}) {
      assertEquals(-Errno.EPERM, stat(m.d1(), cmd, 2));
      assertEquals(-Errno.EPERM, stat(m.d1(), cmd, 0));
      assertEquals(-Errno.ESRCH, stat(m.d1(), cmd, 3));
      assertEquals(-Errno.ESRCH, stat(m.d1(), cmd, DomIds.DOMID_IDLE));
      assertEquals(
          -Errno.EFAULT, m.d1().call(cmd, 32 * 0x1000L - 1), "the domid straddles into gfn 32");
    }
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void maximumRamPageIsTheNumberOfMachineFrames(GuestAbi abi) {
    Machine m = Machine.of(abi);
    assertEquals(Machine.FRAMES, m.d1().call(XenMem.MAXIMUM_RAM_PAGE, 0));
    assertEquals(
        -Errno.EINVAL, m.d1().call(XenMem.MAXIMUM_RAM_PAGE | 1 << XenMem.MEMOP_EXTENT_SHIFT, 0));
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void podTargetIsForPrivilegedCallersAndFillsTheOutputMembers(GuestAbi abi) {
    Machine m = Machine.of(abi);
    XenPodTarget t = new XenPodTarget();
    t.domid = 1;
    t.targetPages = 77;
    t.podCachePages = 5;
    m.dom0().put(XenPodTargetMarshaller.codec(m.dom0().abi()), t, ARG);
    assertEquals(0, m.dom0().call(XenMem.GET_POD_TARGET, ARG));
    XenPodTarget out = m.dom0().get(XenPodTargetMarshaller.codec(m.dom0().abi()), ARG);
    assertEquals(77, out.targetPages, "an input member stays");
    assertEquals(32, out.totPages);
    assertEquals(0, out.podCachePages);
    assertEquals(0, out.podEntries);
    assertEquals(1, out.domid);

    m.d1().put(XenPodTargetMarshaller.codec(m.d1().abi()), t, ARG);
    assertEquals(-Errno.EPERM, m.d1().call(XenMem.GET_POD_TARGET, ARG));
    t.domid = 6;
    m.dom0().put(XenPodTargetMarshaller.codec(m.dom0().abi()), t, ARG);
    assertEquals(-Errno.ESRCH, m.dom0().call(XenMem.GET_POD_TARGET, ARG));
    assertEquals(-Errno.EFAULT, m.dom0().call(XenMem.GET_POD_TARGET, 0x7000_0000L));
    assertEquals(-Errno.ENOSYS, m.dom0().call(XenMem.SET_POD_TARGET, ARG), "not modelled");
  }
}
