package org.abiguard.example.xen.pub;

import org.abiguard.AbiStruct;

/**
 * {@code struct evtchn_send}, the argument of {@code EVTCHNOP_send}.
 *
 * <pre>{@code
 * struct evtchn_send {
 *     evtchn_port_t port;          // IN
 * };
 * }</pre>
 */
@AbiStruct(name = "evtchn_send")
public class EvtchnSend {
  /** The caller's port. */
  @EvtchnPort public long port;

  /** An all-zero request. */
  public EvtchnSend() {}
}
