package org.abiguard.example.xen.pub;

import org.abiguard.AbiStruct;

/**
 * {@code struct evtchn_close}, declared in {@code public/event_channel.h}, line 168.
 *
 * <p>Imported from the C headers by abiguard-import and proven by the C compilers for x86_64, i386.
 */
@AbiStruct(name = "evtchn_close")
public class EvtchnClose {
  /** {@code evtchn_port_t port;} (line 170). */
  @EvtchnPortT public long port;

  /** An all-zero {@code struct evtchn_close}. */
  public EvtchnClose() {}
}
