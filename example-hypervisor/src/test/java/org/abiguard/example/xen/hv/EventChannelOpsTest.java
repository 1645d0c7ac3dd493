package org.abiguard.example.xen.hv;

import static org.abiguard.example.xen.hv.Guest.assertConsistent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.abiguard.example.xen.hv.EventChannels.Channel;
import org.abiguard.example.xen.hv.EventChannels.State;
import org.abiguard.example.xen.pub.DomIds;
import org.abiguard.example.xen.pub.Errno;
import org.abiguard.example.xen.pub.EvtchnAllocUnbound;
import org.abiguard.example.xen.pub.EvtchnBindInterdomain;
import org.abiguard.example.xen.pub.EvtchnCmd;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Xen's event channel rules ({@code xen/common/event_channel.c}) on decoded arguments: every
 * operation's success and each of its errors, in Xen's order, with nothing changed on an error.
 */
class EventChannelOpsTest {
  private static EventChannelOps ops(Machine m) {
    return new EventChannelOps(m.xen().domains());
  }

  private static EvtchnAllocUnbound alloc(int dom, int remoteDom) {
    EvtchnAllocUnbound a = new EvtchnAllocUnbound();
    a.dom = dom;
    a.remoteDom = remoteDom;
    return a;
  }

  private static EvtchnBindInterdomain bind(int remoteDom, long remotePort) {
    EvtchnBindInterdomain b = new EvtchnBindInterdomain();
    b.remoteDom = remoteDom;
    b.remotePort = remotePort;
    return b;
  }

  private static Channel port(Guest g, long port) {
    return g.domain.evtchns().port(port).orElseThrow();
  }

  /** d1 offers a port to dom0, dom0 binds it: returns {d1's port, dom0's port}. */
  private static long[] connect(Machine m) {
    EventChannelOps ops = ops(m);
    EvtchnAllocUnbound a = alloc(DomIds.DOMID_SELF, 0);
    assertEquals(0, ops.allocUnbound(m.d1().domain, a));
    EvtchnBindInterdomain b = bind(1, a.port);
    assertEquals(0, ops.bindInterdomain(m.dom0().domain, b));
    return new long[] {a.port, b.localPort};
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void allocUnboundOffersTheLowestFreePortAboveTheReservedPort0(GuestAbi abi) {
    Machine m = Machine.of(abi);
    EvtchnAllocUnbound a = alloc(DomIds.DOMID_SELF, 0);
    assertEquals(0, ops(m).allocUnbound(m.d1().domain, a));
    assertEquals(1, a.port);
    assertEquals(new Channel(State.UNBOUND, 0, 0, 0, false), port(m.d1(), 1));
    assertEquals(State.RESERVED, port(m.d1(), 0).state());
    EvtchnAllocUnbound again = alloc(DomIds.DOMID_SELF, DomIds.DOMID_SELF);
    assertEquals(0, ops(m).allocUnbound(m.d1().domain, again));
    assertEquals(2, again.port);
    assertEquals(1, port(m.d1(), 2).remoteDomid(), "DOMID_SELF as remote_dom is the caller");
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void aControlDomainAllocatesInAnotherDomainAndSelfMeansItself(GuestAbi abi) {
    Machine m = Machine.of(abi);
    EvtchnAllocUnbound a = alloc(2, DomIds.DOMID_SELF);
    assertEquals(0, ops(m).allocUnbound(m.dom0().domain, a));
    assertEquals(new Channel(State.UNBOUND, 0, 0, 0, false), port(m.d2(), a.port));
    assertEquals(List.of(0), m.dom0().domain.evtchns().inUse());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void allocUnboundErrors(GuestAbi abi) {
    Machine m = Machine.of(abi);
    EvtchnAllocUnbound a = alloc(0, DomIds.DOMID_SELF);
    assertEquals(-Errno.EPERM, ops(m).allocUnbound(m.d1().domain, a));
    assertEquals(0, a.port, "port not written");
    assertEquals(List.of(0), m.dom0().domain.evtchns().inUse());
    assertEquals(-Errno.ESRCH, ops(m).allocUnbound(m.d1().domain, alloc(7, 0)));
    assertEquals(-Errno.ESRCH, ops(m).allocUnbound(m.dom0().domain, alloc(DomIds.DOMID_IO, 0)));
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void noFreePortIsEnospcBeforeThePermissionCheck(GuestAbi abi) {
    Hypervisor xen = new Hypervisor(64, 0);
    Domain small = xen.createDomain(3, false, abi, 4, 2);
    Domain other = xen.createDomain(4, false, abi, 4);
    EventChannelOps ops = new EventChannelOps(xen.domains());
    assertEquals(0, ops.allocUnbound(small, alloc(DomIds.DOMID_SELF, 4)));
    assertEquals(0, ops.allocUnbound(small, alloc(DomIds.DOMID_SELF, 4)));
    assertEquals(-Errno.ENOSPC, ops.allocUnbound(small, alloc(DomIds.DOMID_SELF, 4)));
    assertEquals(
        -Errno.ENOSPC,
        ops.allocUnbound(other, alloc(3, DomIds.DOMID_SELF)),
        "Xen looks for a port first");
    assertEquals(-Errno.ENOSPC, ops.bindInterdomain(small, bind(4, 1)));
    assertEquals(List.of(0, 1, 2), small.evtchns().inUse());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void theTwoLevelAbiLimitsPortsByTheGuestsWordSize(GuestAbi abi) {
    Hypervisor xen = new Hypervisor(64, 0);
    Domain d = xen.createDomain(3, false, abi, 4, 100_000);
    assertEquals(abi == GuestAbi.X86_64 ? 4095 : 1023, d.evtchns().maxPort());
    assertEquals(abi == GuestAbi.X86_64 ? 4096 : 1024, EventChannels.limit(abi));
    assertThrows(IllegalArgumentException.class, () -> xen.createDomain(5, false, abi, 4, -1));
    assertTrue(xen.domains().byId(5).isEmpty());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void bindInterdomainConnectsBothEndsAndLeavesTheNewPortPending(GuestAbi abi) {
    Machine m = Machine.of(abi);
    long[] ends = connect(m);
    assertEquals(1, ends[0]);
    assertEquals(1, ends[1]);
    assertEquals(new Channel(State.INTERDOMAIN, 0, 1, 0, false), port(m.d1(), 1));
    assertEquals(new Channel(State.INTERDOMAIN, 1, 1, 0, true), port(m.dom0(), 1));
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void bindInterdomainErrors(GuestAbi abi) {
    Machine m = Machine.of(abi);
    EventChannelOps ops = ops(m);
    EvtchnAllocUnbound toD2 = alloc(DomIds.DOMID_SELF, 2);
    assertEquals(0, ops.allocUnbound(m.d1().domain, toD2));
    Domain dom0 = m.dom0().domain;
    EvtchnBindInterdomain notOffered = bind(1, toD2.port);
    assertEquals(
        -Errno.EINVAL, ops.bindInterdomain(dom0, notOffered), "offered to d2, not to dom0");
    assertEquals(0, notOffered.localPort, "local_port not written");
    assertEquals(-Errno.EINVAL, ops.bindInterdomain(dom0, bind(1, 0)), "port 0 is reserved");
    assertEquals(-Errno.EINVAL, ops.bindInterdomain(dom0, bind(1, 5)), "a free port");
    assertEquals(-Errno.EINVAL, ops.bindInterdomain(dom0, bind(1, 9999)), "not a valid port");
    assertEquals(
        -Errno.EINVAL, ops.bindInterdomain(dom0, bind(1, 0x1_0000_0000L - 1)), "not a valid port");
    assertEquals(-Errno.ESRCH, ops.bindInterdomain(dom0, bind(7, 1)));
    assertEquals(List.of(0), dom0.evtchns().inUse(), "no port taken by a failed bind");
    assertEquals(0, ops.bindInterdomain(m.d2().domain, bind(1, toD2.port)));
    assertEquals(
        -Errno.EINVAL, ops.bindInterdomain(m.d2().domain, bind(1, toD2.port)), "bound already");
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void aDomainMayConnectToItself(GuestAbi abi) {
    Machine m = Machine.of(abi);
    EvtchnAllocUnbound a = alloc(DomIds.DOMID_SELF, DomIds.DOMID_SELF);
    assertEquals(0, ops(m).allocUnbound(m.d1().domain, a));
    EvtchnBindInterdomain b = bind(DomIds.DOMID_SELF, a.port);
    assertEquals(0, ops(m).bindInterdomain(m.d1().domain, b));
    assertEquals(2, b.localPort);
    assertEquals(0, ops(m).send(m.d1().domain, 2));
    assertTrue(port(m.d1(), 1).pending());
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void sendMakesTheRemoteEndPendingAndDropsNotificationsOnAnUnboundPort(GuestAbi abi) {
    Machine m = Machine.of(abi);
    long[] ends = connect(m);
    assertFalse(port(m.d1(), ends[0]).pending());
    assertEquals(0, ops(m).send(m.dom0().domain, ends[1]));
    assertTrue(port(m.d1(), ends[0]).pending());
    EvtchnAllocUnbound a = alloc(DomIds.DOMID_SELF, 0);
    assertEquals(0, ops(m).allocUnbound(m.d2().domain, a));
    assertEquals(0, ops(m).send(m.d2().domain, a.port));
    assertFalse(port(m.d2(), a.port).pending());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void sendOnAFreeReservedOrInvalidPortIsEinval(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Domain d1 = m.d1().domain;
    assertEquals(-Errno.EINVAL, ops(m).send(d1, 0));
    assertEquals(-Errno.EINVAL, ops(m).send(d1, 1), "free (its bucket exists: port 0's)");
    assertEquals(-Errno.EINVAL, ops(m).send(d1, EventChannels.PORTS_PER_BUCKET), "not valid");
    assertEquals(-Errno.EINVAL, ops(m).send(d1, 0xFFFF_FFFFL));
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void closeFreesThePortAndTheRemoteEndIsOfferedAgain(GuestAbi abi) {
    Machine m = Machine.of(abi);
    long[] ends = connect(m);
    assertEquals(0, ops(m).close(m.dom0().domain, ends[1]));
    assertEquals(State.FREE, port(m.dom0(), ends[1]).state());
    assertFalse(port(m.dom0(), ends[1]).pending(), "evtchn_free clears the pending bit");
    assertEquals(new Channel(State.UNBOUND, 0, 0, 0, false), port(m.d1(), ends[0]));
    assertEquals(-Errno.EINVAL, ops(m).send(m.dom0().domain, ends[1]));
    assertEquals(0, ops(m).send(m.d1().domain, ends[0]), "unbound again: dropped");
    EvtchnBindInterdomain again = bind(1, ends[0]);
    assertEquals(0, ops(m).bindInterdomain(m.dom0().domain, again), "dom0 may bind it again");
    assertEquals(0, ops(m).close(m.d1().domain, ends[0]));
    assertEquals(new Channel(State.UNBOUND, 1, 0, 0, true), port(m.dom0(), again.localPort));
    assertEquals(0, ops(m).close(m.dom0().domain, again.localPort), "closing an unbound port");
    assertEquals(List.of(0), m.dom0().domain.evtchns().inUse());
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void closeOnAFreeReservedOrInvalidPortIsEinval(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Domain d1 = m.d1().domain;
    assertEquals(-Errno.EINVAL, ops(m).close(d1, 0));
    assertEquals(State.RESERVED, port(m.d1(), 0).state());
    assertEquals(-Errno.EINVAL, ops(m).close(d1, 3));
    assertEquals(-Errno.EINVAL, ops(m).close(d1, 100_000));
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void statusReportsEachState(GuestAbi abi) {
    Machine m = Machine.of(abi);
    long[] ends = connect(m);
    EvtchnAllocUnbound a = alloc(DomIds.DOMID_SELF, 2);
    assertEquals(0, ops(m).allocUnbound(m.d1().domain, a));
    Domain d1 = m.d1().domain;
    assertEquals(
        new EventChannelOps.Status(0, EvtchnCmd.STAT_CLOSED, 0, 0, 0),
        ops(m).status(d1, DomIds.DOMID_SELF, 0));
    assertEquals(
        new EventChannelOps.Status(0, EvtchnCmd.STAT_CLOSED, 0, 0, 0), ops(m).status(d1, 1, 63));
    assertEquals(
        new EventChannelOps.Status(0, EvtchnCmd.STAT_INTERDOMAIN, 0, 0, ends[1]),
        ops(m).status(d1, DomIds.DOMID_SELF, ends[0]));
    assertEquals(
        new EventChannelOps.Status(0, EvtchnCmd.STAT_UNBOUND, 0, 2, 0),
        ops(m).status(d1, 1, a.port));
    assertEquals(
        new EventChannelOps.Status(0, EvtchnCmd.STAT_INTERDOMAIN, 0, 1, ends[0]),
        ops(m).status(m.dom0().domain, 0, ends[1]));
    assertEquals(
        new EventChannelOps.Status(0, EvtchnCmd.STAT_UNBOUND, 0, 2, 0),
        ops(m).status(m.dom0().domain, 1, a.port),
        "a control domain looks at d1's ports");
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void statusErrorsInXensOrder(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Domain d1 = m.d1().domain;
    assertEquals(-Errno.ESRCH, ops(m).status(d1, 7, 0).rc());
    assertEquals(
        -Errno.EINVAL,
        ops(m).status(d1, 0, 64).rc(),
        "an invalid port before the permission check");
    assertEquals(-Errno.EPERM, ops(m).status(d1, 0, 0).rc());
    assertEquals(-Errno.EPERM, ops(m).status(d1, 2, 1).rc());
    assertEquals(EventChannelOps.Status.error(-Errno.EPERM), ops(m).status(d1, 2, 1));
  }
}
