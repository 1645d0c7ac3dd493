package org.abiguard.example.xen.pub;

import org.abiguard.AbiName;
import org.abiguard.AbiStruct;

/**
 * {@code struct evtchn_bind_interdomain}, the argument of {@code EVTCHNOP_bind_interdomain}:
 * connect a new local port to a remote domain's port that was offered to the caller.
 *
 * <pre>{@code
 * struct evtchn_bind_interdomain {
 *     domid_t remote_dom;          // IN
 *     evtchn_port_t remote_port;   // IN
 *     evtchn_port_t local_port;    // OUT
 * };
 * }</pre>
 */
@AbiStruct(name = "evtchn_bind_interdomain")
public class EvtchnBindInterdomain {
  /** The remote domain; {@code DOMID_SELF} for the caller. */
  @AbiName("remote_dom") @DomId public int remoteDom;
  /** The remote domain's unbound port. */
  @AbiName("remote_port") @EvtchnPort public long remotePort;
  /** Out: the caller's new port. */
  @AbiName("local_port") @EvtchnPort public long localPort;

  /** An all-zero request. */
  public EvtchnBindInterdomain() {}
}
