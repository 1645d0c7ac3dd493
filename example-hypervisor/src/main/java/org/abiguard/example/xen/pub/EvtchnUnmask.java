package org.abiguard.example.xen.pub;

import org.abiguard.AbiStruct;

/**
 * {@code struct evtchn_unmask}, declared in {@code public/event_channel.h}, line 242.
 *
 * <p>Imported from the C headers by abiguard-import and proven by the C compilers for x86_64, i386.
 */
@AbiStruct(name = "evtchn_unmask")
public class EvtchnUnmask {
  /** {@code evtchn_port_t port;} (line 244). */
  @EvtchnPortT public long port;

  /** An all-zero {@code struct evtchn_unmask}. */
  public EvtchnUnmask() {}
}
