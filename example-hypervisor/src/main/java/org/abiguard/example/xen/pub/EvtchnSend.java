package org.abiguard.example.xen.pub;

import org.abiguard.AbiStruct;

/**
 * {@code struct evtchn_send}, declared in {@code public/event_channel.h}, line 178.
 *
 * <p>Imported from the C headers by abiguard-import and proven by the C compilers for x86_64, i386.
 */
@AbiStruct(name = "evtchn_send")
public class EvtchnSend {
  /** {@code evtchn_port_t port;} (line 180). */
  @EvtchnPortT public long port;

  /** An all-zero {@code struct evtchn_send}. */
  public EvtchnSend() {}
}
