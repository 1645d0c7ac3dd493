package org.abiguard.example.xen.pub;

import org.abiguard.AbiStruct;
import org.abiguard.U32;

/**
 * {@code struct evtchn_bind_pirq}, declared in {@code public/event_channel.h}, line 140.
 *
 * <p>Imported from the C headers by abiguard-import and proven by the C compilers for x86_64, i386.
 */
@AbiStruct(name = "evtchn_bind_pirq")
public class EvtchnBindPirq {
  /** {@code uint32_t pirq;} (line 142). */
  @U32 public long pirq;
  /** {@code uint32_t flags;} (line 144). */
  @U32 public long flags;
  /** {@code evtchn_port_t port;} (line 146). */
  @EvtchnPortT public long port;

  /** An all-zero {@code struct evtchn_bind_pirq}. */
  public EvtchnBindPirq() {}
}
