package org.abiguard.example.xen.hv;

import static org.abiguard.example.xen.hv.Guest.ARG;
import static org.abiguard.example.xen.hv.Guest.assertConsistent;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.abiguard.AbiCodec;
import org.abiguard.example.xen.hv.EventChannels.State;
import org.abiguard.example.xen.pub.DomIds;
import org.abiguard.example.xen.pub.Errno;
import org.abiguard.example.xen.pub.EvtchnAllocUnbound;
import org.abiguard.example.xen.pub.EvtchnBindInterdomain;
import org.abiguard.example.xen.pub.EvtchnClose;
import org.abiguard.example.xen.pub.EvtchnCmd;
import org.abiguard.example.xen.pub.EvtchnOp;
import org.abiguard.example.xen.pub.EvtchnOpMarshaller;
import org.abiguard.example.xen.pub.EvtchnSend;
import org.abiguard.example.xen.pub.EvtchnStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code HYPERVISOR_event_channel_op_compat} through guest memory: the guest writes a whole {@code
 * struct evtchn_op} with its ABI's codec (the union member its command uses set), the hypervisor
 * reads it, {@code cmd} selects the member, and the result is written back into that member only.
 */
class EventChannelOpTest {
  private static AbiCodec<EvtchnOp> codec(Guest g) {
    return EvtchnOpMarshaller.codec(g.abi());
  }

  private static long allocUnbound(Guest g, int dom, int remoteDom) {
    EvtchnOp op = new EvtchnOp();
    op.cmd = EvtchnCmd.ALLOC_UNBOUND;
    op.u.allocUnbound = new EvtchnAllocUnbound();
    op.u.allocUnbound.dom = dom;
    op.u.allocUnbound.remoteDom = remoteDom;
    g.put(codec(g), op, ARG);
    return g.evtchn(ARG);
  }

  private static long bindInterdomain(Guest g, int remoteDom, long remotePort) {
    EvtchnOp op = new EvtchnOp();
    op.cmd = EvtchnCmd.BIND_INTERDOMAIN;
    op.u.bindInterdomain = new EvtchnBindInterdomain();
    op.u.bindInterdomain.remoteDom = remoteDom;
    op.u.bindInterdomain.remotePort = remotePort;
    g.put(codec(g), op, ARG);
    return g.evtchn(ARG);
  }

  private static long portCall(Guest g, int cmd, long port) {
    EvtchnOp op = new EvtchnOp();
    op.cmd = cmd;
    if (cmd == EvtchnCmd.SEND) {
      op.u.send = new EvtchnSend();
      op.u.send.port = port;
    } else {
      op.u.close = new EvtchnClose();
      op.u.close.port = port;
    }
    g.put(codec(g), op, ARG);
    return g.evtchn(ARG);
  }

  private static EvtchnStatus status(Guest g, int dom, long port, long[] rc) {
    EvtchnOp op = new EvtchnOp();
    op.cmd = EvtchnCmd.STATUS;
    op.u.status = new EvtchnStatus();
    op.u.status.dom = dom;
    op.u.status.port = port;
    g.put(codec(g), op, ARG);
    rc[0] = g.evtchn(ARG);
    return g.get(codec(g), ARG).u.status;
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void theStructIs28BytesWithTheUnionAtOffset4OnBothAbis(GuestAbi abi) {
    assertEquals(28, EvtchnOpMarshaller.codec(abi.id()).size());
    assertEquals(4, EventChannelOp.offsetOfU(abi));
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void aWholeSessionThroughGuestMemory(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Guest d1 = m.d1();
    Guest dom0 = m.dom0();
    assertEquals(0, allocUnbound(d1, DomIds.DOMID_SELF, 0));
    EvtchnOp back = d1.get(codec(d1), ARG);
    assertEquals(EvtchnCmd.ALLOC_UNBOUND, back.cmd);
    assertEquals(1, back.u.allocUnbound.port, "port written back");

    assertEquals(0, bindInterdomain(dom0, 1, 1));
    assertEquals(
        1, dom0.get(codec(dom0), ARG).u.bindInterdomain.localPort, "local_port written back");

    assertEquals(0, portCall(dom0, EvtchnCmd.SEND, 1));
    assertTrue(d1.domain.evtchns().port(1).orElseThrow().pending());

    long[] rc = new long[1];
    EvtchnStatus s = status(d1, DomIds.DOMID_SELF, 1, rc);
    assertEquals(0, rc[0]);
    assertEquals(EvtchnCmd.STAT_INTERDOMAIN, s.status);
    assertEquals(0, s.vcpu);
    assertEquals(0, s.u.interdomain.dom);
    assertEquals(1, s.u.interdomain.port);

    assertEquals(0, portCall(d1, EvtchnCmd.CLOSE, 1));
    s = status(dom0, DomIds.DOMID_SELF, 1, rc);
    assertEquals(EvtchnCmd.STAT_UNBOUND, s.status);
    assertEquals(1, s.u.unbound.dom, "dom0's end is offered to d1 again");
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void onlyTheMembersBytesAreWrittenBack(GuestAbi abi) {
    Guest d1 = Machine.of(abi).d1();
    EvtchnOp op = new EvtchnOp();
    op.cmd = EvtchnCmd.ALLOC_UNBOUND;
    op.u.allocUnbound = new EvtchnAllocUnbound();
    op.u.allocUnbound.dom = DomIds.DOMID_SELF;
    d1.put(codec(d1), op, ARG);
    d1.fill(ARG + 4 + 8, 16, 0xEE);
    assertEquals(0, d1.evtchn(ARG));
    byte[] after = d1.bytes(ARG, 28);
    assertEquals(1, after[4 + 4], "port = 1 at offsetof(evtchn_op, u.alloc_unbound.port)");
    byte[] rest = Arrays.copyOfRange(after, 12, 28);
    byte[] untouched = new byte[16];
    Arrays.fill(untouched, (byte) 0xEE);
    assertArrayEquals(
        untouched, rest, "bytes of the union beyond evtchn_alloc_unbound are the guest's");
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void statusWritesTheOneUnionMemberItsStateSelects(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Guest d1 = m.d1();
    assertEquals(0, allocUnbound(d1, DomIds.DOMID_SELF, 2));
    long[] rc = new long[1];
    EvtchnStatus s = status(d1, DomIds.DOMID_SELF, 1, rc);
    assertEquals(0, rc[0]);
    assertEquals(EvtchnCmd.STAT_UNBOUND, s.status);
    byte[] u = Arrays.copyOfRange(d1.bytes(ARG, 28), 4 + 16, 28);
    assertArrayEquals(
        new byte[] {2, 0, 0, 0, 0, 0, 0, 0}, u, "u.unbound.dom = 2, the rest of u zero");

    d1.fill(ARG, 28, 0x55);
    s = status(d1, DomIds.DOMID_SELF, 0, rc);
    assertEquals(EvtchnCmd.STAT_CLOSED, s.status);
    assertArrayEquals(
        new byte[8], Arrays.copyOfRange(d1.bytes(ARG, 28), 20, 28), "closed: no member, zeros");
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void cmdSelectsTheMemberWhateverTheGuestMeantByTheBytes(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Guest d1 = m.d1();
    assertEquals(0, allocUnbound(d1, DomIds.DOMID_SELF, 0));
    EvtchnOp op = new EvtchnOp();
    op.cmd = EvtchnCmd.CLOSE;
    op.u.send = new EvtchnSend();
    op.u.send.port = 1;
    d1.put(codec(d1), op, ARG);
    assertEquals(0, d1.evtchn(ARG), "send.port and close.port are the same bytes");
    assertEquals(State.FREE, d1.domain.evtchns().port(1).orElseThrow().state());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void errorsWriteNothingBack(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Guest d1 = m.d1();
    assertEquals(-Errno.EPERM, allocUnbound(d1, 0, DomIds.DOMID_SELF));
    assertEquals(0, d1.get(codec(d1), ARG).u.allocUnbound.port);
    assertEquals(-Errno.ESRCH, allocUnbound(d1, 9, 0));
    assertEquals(-Errno.EINVAL, bindInterdomain(d1, 0, 0));
    assertEquals(0, d1.get(codec(d1), ARG).u.bindInterdomain.localPort);
    assertEquals(-Errno.EINVAL, portCall(d1, EvtchnCmd.SEND, 0));
    assertEquals(-Errno.EINVAL, portCall(d1, EvtchnCmd.CLOSE, 0));
    long[] rc = new long[1];
    EvtchnStatus s = status(d1, 0, 0, rc);
    assertEquals(-Errno.EPERM, rc[0]);
    assertEquals(0, s.status);
    assertEquals(java.util.List.of(0), d1.domain.evtchns().inUse());
    assertConsistent(m.xen());
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void unknownAndUnmodelledCommandsAreEnosys(GuestAbi abi) {
    Guest d1 = Machine.of(abi).d1();
    for (long cmd :
        new long[] {
          EvtchnCmd.BIND_VIRQ,
          EvtchnCmd.BIND_PIRQ,
          EvtchnCmd.BIND_IPI,
          EvtchnCmd.BIND_VCPU,
          EvtchnCmd.UNMASK,
          10,
          11,
          14,
          99,
          0xFFFF_FFFFL
        }) {
      EvtchnOp op = new EvtchnOp();
      op.cmd = cmd;
      d1.put(codec(d1), op, ARG);
      assertEquals(-Errno.ENOSYS, d1.evtchn(ARG), "cmd " + cmd);
    }
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void anUnmappedArgumentIsEfaultAndTheRegisterHasTheGuestsWidth(GuestAbi abi) {
    Machine m = Machine.of(abi);
    Guest d1 = m.d1();
    assertEquals(-Errno.EFAULT, d1.evtchn(0x7fff_0000L));
    assertEquals(
        -Errno.EFAULT, d1.evtchn(32 * 4096 - 20), "the struct runs past the last mapped page");
    assertEquals(0, allocUnbound(d1, DomIds.DOMID_SELF, 0));
    long rc = d1.evtchn(0x1_0000_0000L | ARG);
    assertEquals(
        abi == GuestAbi.I386 ? 0 : -Errno.EFAULT,
        rc,
        "bits above 32 of an i386 register do not exist");
    assertEquals(abi == GuestAbi.I386 ? 2 : 1, d1.domain.evtchns().inUse().size() - 1);
  }
}
