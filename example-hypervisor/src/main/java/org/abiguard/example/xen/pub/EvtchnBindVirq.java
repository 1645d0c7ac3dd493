package org.abiguard.example.xen.pub;

import org.abiguard.AbiStruct;
import org.abiguard.U32;

/**
 * {@code struct evtchn_bind_virq}, declared in {@code public/event_channel.h}, line 125.
 *
 * <p>Imported from the C headers by abiguard-import and proven by the C compilers for x86_64, i386.
 */
@AbiStruct(name = "evtchn_bind_virq")
public class EvtchnBindVirq {
  /** {@code uint32_t virq;} (line 127). */
  @U32 public long virq;
  /** {@code uint32_t vcpu;} (line 128). */
  @U32 public long vcpu;
  /** {@code evtchn_port_t port;} (line 130). */
  @EvtchnPortT public long port;

  /** An all-zero {@code struct evtchn_bind_virq}. */
  public EvtchnBindVirq() {}
}
