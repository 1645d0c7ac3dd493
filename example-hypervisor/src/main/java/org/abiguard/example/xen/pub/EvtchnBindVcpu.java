package org.abiguard.example.xen.pub;

import org.abiguard.AbiStruct;
import org.abiguard.U32;

/**
 * {@code struct evtchn_bind_vcpu}, declared in {@code public/event_channel.h}, line 231.
 *
 * <p>Imported from the C headers by abiguard-import and proven by the C compilers for x86_64, i386.
 */
@AbiStruct(name = "evtchn_bind_vcpu")
public class EvtchnBindVcpu {
  /** {@code evtchn_port_t port;} (line 233). */
  @EvtchnPortT public long port;
  /** {@code uint32_t vcpu;} (line 234). */
  @U32 public long vcpu;

  /** An all-zero {@code struct evtchn_bind_vcpu}. */
  public EvtchnBindVcpu() {}
}
