package org.abiguard.example.xen.hv;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.Set;
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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Long seeded sequences of {@code event_channel_op_compat} calls from four domains of both ABIs
 * (two of them with few ports): well-formed {@code evtchn_op}s with random, often wrong, domains
 * and ports, and garbage bytes. After every call no exception has escaped, the result is 0 or one
 * of the errors Xen gives these commands, a port a successful alloc_unbound or bind_interdomain
 * wrote back is in the state it should be, and both ends of every connection agree.
 */
class RandomEventChannelsTest {
  private static final int STEPS = 4000;
  private static final Set<Long> ERRORS =
      Set.of(
          -(long) Errno.EPERM,
          -(long) Errno.ESRCH,
          -(long) Errno.EINVAL,
          -(long) Errno.ENOSPC,
          -(long) Errno.ENOSYS,
          -(long) Errno.EFAULT);

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {3, 11, 2014, 0xE7C4})
  void randomSequencesKeepBothEndsOfEveryChannelInAgreement(long seed) {
    Random rnd = new Random(seed);
    Hypervisor xen = new Hypervisor(128, 4);
    List<Guest> guests =
        List.of(
            guest(xen, 0, true, GuestAbi.X86_64, EventChannels.DEFAULT_MAX_PORT),
            guest(xen, 1, false, GuestAbi.I386, 5),
            guest(xen, 2, false, GuestAbi.X86_64, 70),
            guest(xen, 3, true, GuestAbi.I386, 3));
    for (int step = 0; step < STEPS; step++) {
      Guest g = guests.get(rnd.nextInt(guests.size()));
      long arg = rnd.nextInt(10) == 0 ? 0x7000_0000L : 0x1000 + rnd.nextInt(0xfe0);
      EvtchnOp op = null;
      if (rnd.nextInt(6) == 0) {
        byte[] bytes = new byte[28];
        rnd.nextBytes(bytes);
        bytes[0] = (byte) rnd.nextInt(12);
        bytes[1] = bytes[2] = bytes[3] = 0;
        write(g, arg, bytes);
      } else {
        op = op(rnd);
        try {
          g.memory().copyToGuest(EvtchnOpMarshaller.codec(g.abi()), op, arg);
        } catch (GuestFault unmapped) {
          op = null;
        }
      }
      String where =
          "seed " + seed + " step " + step + ": " + g.domain + " arg 0x" + Long.toHexString(arg);
      long rc = assertDoesNotThrow(() -> xen.eventChannelOp(g.domain, arg), where).rc();
      assertTrue(rc == 0 || ERRORS.contains(rc), where + " returned " + rc);
      if (rc == 0 && op != null) {
        EvtchnOp back = g.get(EvtchnOpMarshaller.codec(g.abi()), arg);
        if (op.cmd == EvtchnCmd.ALLOC_UNBOUND) {
          Domain d = xen.domains().byAnyId(g.domain, op.u.allocUnbound.dom).orElseThrow();
          assertEquals(
              State.UNBOUND,
              d.evtchns().port(back.u.allocUnbound.port).orElseThrow().state(),
              where);
        } else if (op.cmd == EvtchnCmd.BIND_INTERDOMAIN) {
          assertEquals(
              State.INTERDOMAIN,
              g.domain.evtchns().port(back.u.bindInterdomain.localPort).orElseThrow().state(),
              where);
        } else if (op.cmd == EvtchnCmd.CLOSE) {
          assertEquals(
              State.FREE, g.domain.evtchns().port(op.u.close.port).orElseThrow().state(), where);
        }
      }
      assertEquals(List.of(), xen.checkConsistency(), where);
    }
  }

  private static Guest guest(
      Hypervisor xen, int id, boolean privileged, GuestAbi abi, int maxPort) {
    Domain d = xen.createDomain(id, privileged, abi, 8, maxPort);
    xen.populate(d, 0, 4);
    return new Guest(xen, d);
  }

  private static void write(Guest g, long arg, byte[] bytes) {
    try {
      g.memory().write(arg, bytes);
    } catch (GuestFault unmapped) {
      // the hypercall will fault on it
    }
  }

  private static EvtchnOp op(Random rnd) {
    EvtchnOp op = new EvtchnOp();
    switch (rnd.nextInt(6)) {
      case 0, 1 -> {
        op.cmd = EvtchnCmd.ALLOC_UNBOUND;
        op.u.allocUnbound = new EvtchnAllocUnbound();
        op.u.allocUnbound.dom = domid(rnd);
        op.u.allocUnbound.remoteDom = domid(rnd);
      }
      case 2 -> {
        op.cmd = EvtchnCmd.BIND_INTERDOMAIN;
        op.u.bindInterdomain = new EvtchnBindInterdomain();
        op.u.bindInterdomain.remoteDom = domid(rnd);
        op.u.bindInterdomain.remotePort = port(rnd);
      }
      case 3 -> {
        op.cmd = EvtchnCmd.SEND;
        op.u.send = new EvtchnSend();
        op.u.send.port = port(rnd);
      }
      case 4 -> {
        op.cmd = EvtchnCmd.CLOSE;
        op.u.close = new EvtchnClose();
        op.u.close.port = port(rnd);
      }
      default -> {
        op.cmd = EvtchnCmd.STATUS;
        op.u.status = new EvtchnStatus();
        op.u.status.dom = domid(rnd);
        op.u.status.port = port(rnd);
      }
    }
    return op;
  }

  private static int domid(Random rnd) {
    return switch (rnd.nextInt(6)) {
      case 0, 1 -> DomIds.DOMID_SELF;
      case 2, 3, 4 -> rnd.nextInt(5);
      default -> rnd.nextInt(0x10000);
    };
  }

  private static long port(Random rnd) {
    return switch (rnd.nextInt(8)) {
      case 0 -> rnd.nextLong() & 0xFFFF_FFFFL;
      case 1 -> 60 + rnd.nextInt(80);
      default -> rnd.nextInt(8);
    };
  }
}
