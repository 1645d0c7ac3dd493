package org.abiguard.example.xen.pub;

import org.abiguard.AbiStruct;

/**
 * {@code struct evtchn_close}, the argument of {@code EVTCHNOP_close}.
 *
 * <pre>{@code
 * struct evtchn_close {
 *     evtchn_port_t port;          // IN
 * };
 * }</pre>
 */
@AbiStruct(name = "evtchn_close")
public class EvtchnClose {
  /** The caller's port. */
  @EvtchnPort public long port;

  /** An all-zero request. */
  public EvtchnClose() {}
}
