package org.abiguard.example.xen.pub;

import org.abiguard.AbiStruct;
import org.abiguard.U32;

/**
 * {@code struct evtchn_bind_ipi}, declared in {@code public/event_channel.h}, line 156.
 *
 * <p>Imported from the C headers by abiguard-import and proven by the C compilers for x86_64, i386.
 */
@AbiStruct(name = "evtchn_bind_ipi")
public class EvtchnBindIpi {
  /** {@code uint32_t vcpu;} (line 157). */
  @U32 public long vcpu;
  /** {@code evtchn_port_t port;} (line 159). */
  @EvtchnPortT public long port;

  /** An all-zero {@code struct evtchn_bind_ipi}. */
  public EvtchnBindIpi() {}
}
