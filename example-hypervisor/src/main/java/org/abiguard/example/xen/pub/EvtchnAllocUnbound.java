package org.abiguard.example.xen.pub;

import org.abiguard.AbiName;
import org.abiguard.AbiStruct;

/**
 * {@code struct evtchn_alloc_unbound}, the argument of {@code EVTCHNOP_alloc_unbound}: allocate a
 * port in domain {@code dom} and offer it to {@code remote_dom}.
 *
 * <pre>{@code
 * struct evtchn_alloc_unbound {
 *     domid_t dom, remote_dom;     // IN
 *     evtchn_port_t port;          // OUT
 * };
 * }</pre>
 */
@AbiStruct(name = "evtchn_alloc_unbound")
public class EvtchnAllocUnbound {
  /** The domain the port is allocated in; {@code DOMID_SELF} for the caller. */
  @DomId public int dom;
  /** The domain that may bind it; {@code DOMID_SELF} for the caller. */
  @AbiName("remote_dom") @DomId public int remoteDom;
  /** Out: the port allocated. */
  @EvtchnPort public long port;

  /** An all-zero request. */
  public EvtchnAllocUnbound() {}
}
