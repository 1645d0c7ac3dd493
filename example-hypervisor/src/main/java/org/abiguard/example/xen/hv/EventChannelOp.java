package org.abiguard.example.xen.hv;

import org.abiguard.AbiCodec;
import org.abiguard.example.xen.pub.Errno;
import org.abiguard.example.xen.pub.EvtchnAllocUnboundMarshaller;
import org.abiguard.example.xen.pub.EvtchnBindInterdomainMarshaller;
import org.abiguard.example.xen.pub.EvtchnCmd;
import org.abiguard.example.xen.pub.EvtchnOp;
import org.abiguard.example.xen.pub.EvtchnOpMarshaller;
import org.abiguard.example.xen.pub.EvtchnStatus;
import org.abiguard.example.xen.pub.EvtchnStatusMarshaller;

/**
 * {@code do_event_channel_op_compat(uop)} ({@code xen/arch/x86/compat.c}) with the {@code
 * do_event_channel_op} it hands each command to: the guest's {@code struct evtchn_op} is read whole
 * with the codec of its ABI, {@code cmd} selects the member of the union {@code u}, and what a
 * command returns is written back as Xen does, as that member's struct at {@code &uop->u} (only the
 * member's bytes; the rest of the union stays as the guest left it).
 *
 * <p>Modelled: {@code alloc_unbound}, {@code bind_interdomain}, {@code send}, {@code close}, {@code
 * status}. The other commands Xen serves here (virq, pirq, IPI and vCPU binding, unmask) and
 * unknown ones are {@code -ENOSYS}.
 */
final class EventChannelOp {
  private final EventChannelOps ops;

  EventChannelOp(Domains domains) {
    this.ops = new EventChannelOps(domains);
  }

  long doEventChannelOpCompat(Hypercall call, long uop) {
    EvtchnOp op = call.copyFromGuest(EvtchnOpMarshaller.codec(call.abi().id()), uop);
    if (op == null) {
      return -Errno.EFAULT;
    }
    long arg = uop + offsetOfU(call.abi());
    EvtchnOp.U u = op.u;
    String abi = call.abi().id();
    if (op.cmd == EvtchnCmd.ALLOC_UNBOUND) {
      long rc = ops.allocUnbound(call.caller(), u.allocUnbound);
      return writeBack(call, rc, EvtchnAllocUnboundMarshaller.codec(abi), u.allocUnbound, arg);
    } else if (op.cmd == EvtchnCmd.BIND_INTERDOMAIN) {
      long rc = ops.bindInterdomain(call.caller(), u.bindInterdomain);
      return writeBack(
          call, rc, EvtchnBindInterdomainMarshaller.codec(abi), u.bindInterdomain, arg);
    } else if (op.cmd == EvtchnCmd.SEND) {
      return ops.send(call.caller(), u.send.port);
    } else if (op.cmd == EvtchnCmd.CLOSE) {
      return ops.close(call.caller(), u.close.port);
    } else if (op.cmd == EvtchnCmd.STATUS) {
      EvtchnStatus status = u.status;
      EventChannelOps.Status result = ops.status(call.caller(), status.dom, status.port);
      if (result.rc() != 0) {
        return result.rc();
      }
      status.status = result.status();
      status.vcpu = result.vcpu();
      status.u = statusUnion(result);
      return writeBack(call, 0, EvtchnStatusMarshaller.codec(abi), status, arg);
    }
    return -Errno.ENOSYS;
  }

  /** {@code offsetof(struct evtchn_op, u)} on the guest's ABI. */
  static int offsetOfU(GuestAbi abi) {
    return switch (abi) {
      case X86_64 -> EvtchnOpMarshaller.X86_64.OFFSET_U;
      case I386 -> EvtchnOpMarshaller.I386.OFFSET_U;
    };
  }

  /** The member of {@code evtchn_status.u} the state selects: exactly one, or none. */
  private static EvtchnStatus.U statusUnion(EventChannelOps.Status result) {
    EvtchnStatus.U u = new EvtchnStatus.U();
    if (result.status() == EvtchnCmd.STAT_UNBOUND) {
      u.unbound = new EvtchnStatus.U.Unbound();
      u.unbound.dom = result.dom();
    } else if (result.status() == EvtchnCmd.STAT_INTERDOMAIN) {
      u.interdomain = new EvtchnStatus.U.Interdomain();
      u.interdomain.dom = result.dom();
      u.interdomain.port = result.port();
    }
    return u;
  }

  /** {@code if (!rc && __copy_to_guest(arg, &value, 1)) rc = -EFAULT;} */
  private static <T> long writeBack(Hypercall call, long rc, AbiCodec<T> codec, T value, long arg) {
    if (rc != 0) {
      return rc;
    }
    return call.copyToGuest(codec, value, arg) ? 0 : -Errno.EFAULT;
  }
}
