package org.abiguard.example.xen.hv;

import org.abiguard.example.xen.hv.EventChannels.Channel;
import org.abiguard.example.xen.hv.EventChannels.State;
import org.abiguard.example.xen.pub.DomIds;
import org.abiguard.example.xen.pub.DomidT;
import org.abiguard.example.xen.pub.Errno;
import org.abiguard.example.xen.pub.EvtchnAllocUnbound;
import org.abiguard.example.xen.pub.EvtchnBindInterdomain;
import org.abiguard.example.xen.pub.EvtchnCmd;
import org.abiguard.example.xen.pub.EvtchnPortT;

/**
 * The event channel operations of {@code xen/common/event_channel.c} on decoded arguments: {@code
 * evtchn_alloc_unbound}, {@code evtchn_bind_interdomain}, {@code evtchn_send}, {@code evtchn_close}
 * and {@code evtchn_status}, with Xen's checks in Xen's order and its default security policy
 * ({@code XSM_TARGET} for alloc_unbound and status, {@code XSM_HOOK}, always allowed, for the
 * others).
 */
final class EventChannelOps {
  /**
   * What {@code evtchn_status} reports.
   *
   * @param rc 0 or a negated errno (then the other components are 0)
   * @param status {@code EVTCHNSTAT_*}
   * @param vcpu the vCPU the port notifies
   * @param dom for unbound: the domain it is offered to; for interdomain: the remote domain
   * @param port for interdomain: the remote port
   */
  record Status(long rc, int status, int vcpu, int dom, long port) {
    static Status error(long rc) {
      return new Status(rc, 0, 0, 0, 0);
    }
  }

  private final Domains domains;

  EventChannelOps(Domains domains) {
    this.domains = domains;
  }

  /**
   * {@code evtchn_alloc_unbound}: a free port of {@code dom}, offered to {@code remote_dom} ({@code
   * DOMID_SELF} there is the caller, whatever {@code dom} is); {@code port} is set on success.
   * {@code -ESRCH} for no such domain, {@code -ENOSPC} when it has no free port, {@code -EPERM}
   * when the caller may not act on it.
   */
  long allocUnbound(Domain caller, EvtchnAllocUnbound alloc) {
    Domain d = domains.byAnyId(caller, alloc.dom).orElse(null);
    if (d == null) {
      return -Errno.ESRCH;
    }
    int port = d.evtchns().freePort();
    if (port < 0) {
      return -Errno.ENOSPC;
    }
    int rc = Xsm.target(caller, d);
    if (rc != 0) {
      return rc;
    }
    @DomidT int remote = alloc.remoteDom == DomIds.DOMID_SELF ? caller.id() : alloc.remoteDom;
    d.evtchns().set(port, new Channel(State.UNBOUND, remote, 0, 0, false));
    alloc.port = port;
    return 0;
  }

  /**
   * {@code evtchn_bind_interdomain}: a new port of the caller connected to {@code remote_dom}'s
   * {@code remote_port}, which must be unbound and offered to the caller ({@code -EINVAL}
   * otherwise, and for a port that is not valid); {@code local_port} is set on success, and the new
   * port is left pending (Xen's "we may have lost notifications"). {@code -ESRCH}, {@code -ENOSPC}
   * as for alloc_unbound.
   */
  long bindInterdomain(Domain caller, EvtchnBindInterdomain bind) {
    Domain rd = domains.byAnyId(caller, bind.remoteDom).orElse(null);
    if (rd == null) {
      return -Errno.ESRCH;
    }
    int lport = caller.evtchns().freePort();
    if (lport < 0) {
      return -Errno.ENOSPC;
    }
    Channel remote = rd.evtchns().port(bind.remotePort).orElse(null);
    if (remote == null || remote.state() != State.UNBOUND || remote.remoteDomid() != caller.id()) {
      return -Errno.EINVAL;
    }
    int rport = (int) bind.remotePort;
    caller.evtchns().set(lport, new Channel(State.INTERDOMAIN, rd.id(), rport, 0, false));
    rd.evtchns()
        .set(
            rport,
            new Channel(
                State.INTERDOMAIN, caller.id(), lport, remote.notifyVcpu(), remote.pending()));
    caller.evtchns().setPending(lport);
    bind.localPort = lport;
    return 0;
  }

  /**
   * {@code evtchn_send}: an interdomain port makes the remote port pending; an unbound one drops
   * the notification and returns 0; a free, reserved or invalid port is {@code -EINVAL}.
   */
  long send(Domain caller, @EvtchnPortT long port) {
    Channel chn = caller.evtchns().port(port).orElse(null);
    if (chn == null) {
      return -Errno.EINVAL;
    }
    return switch (chn.state()) {
      case INTERDOMAIN -> {
        domains.byId(chn.remoteDomid()).orElseThrow().evtchns().setPending(chn.remotePort());
        yield 0;
      }
      case UNBOUND -> 0;
      default -> -Errno.EINVAL;
    };
  }

  /**
   * {@code evtchn_close}: the port becomes free; if it was interdomain, the remote end goes back to
   * unbound, offered to the caller again. A free, reserved (port 0) or invalid port is {@code
   * -EINVAL}.
   */
  long close(Domain caller, @EvtchnPortT long port) {
    Channel chn = caller.evtchns().port(port).orElse(null);
    if (chn == null) {
      return -Errno.EINVAL;
    }
    switch (chn.state()) {
      case FREE, RESERVED -> {
        return -Errno.EINVAL;
      }
      case INTERDOMAIN -> {
        EventChannels remote = domains.byId(chn.remoteDomid()).orElseThrow().evtchns();
        Channel other = remote.port(chn.remotePort()).orElseThrow();
        remote.set(
            chn.remotePort(),
            new Channel(State.UNBOUND, caller.id(), 0, other.notifyVcpu(), other.pending()));
      }
      case UNBOUND -> {
        // nothing at the other end
      }
    }
    caller.evtchns().free((int) port);
    return 0;
  }

  /**
   * {@code evtchn_status} of {@code port} in {@code dom}: {@code -ESRCH} for no such domain, {@code
   * -EINVAL} for a port that is not valid, {@code -EPERM} when the caller may not act on the
   * domain.
   */
  Status status(Domain caller, @DomidT int dom, @EvtchnPortT long port) {
    Domain d = domains.byAnyId(caller, dom).orElse(null);
    if (d == null) {
      return Status.error(-Errno.ESRCH);
    }
    Channel chn = d.evtchns().port(port).orElse(null);
    if (chn == null) {
      return Status.error(-Errno.EINVAL);
    }
    int rc = Xsm.target(caller, d);
    if (rc != 0) {
      return Status.error(rc);
    }
    return switch (chn.state()) {
      case FREE, RESERVED -> new Status(0, EvtchnCmd.STAT_CLOSED, chn.notifyVcpu(), 0, 0);
      case UNBOUND -> new Status(0, EvtchnCmd.STAT_UNBOUND, chn.notifyVcpu(), chn.remoteDomid(), 0);
      case INTERDOMAIN ->
          new Status(
              0, EvtchnCmd.STAT_INTERDOMAIN, chn.notifyVcpu(), chn.remoteDomid(), chn.remotePort());
    };
  }
}
