package org.abiguard.example.xen.pub;

import org.abiguard.AbiName;
import org.abiguard.AbiStruct;

/**
 * {@code struct evtchn_bind_interdomain}, declared in {@code public/event_channel.h}, line 104.
 *
 * <p>Imported from the C headers by abiguard-import and proven by the C compilers for x86_64, i386.
 */
@AbiStruct(name = "evtchn_bind_interdomain")
public class EvtchnBindInterdomain {
  /** {@code domid_t remote_dom;} (line 106). */
  @AbiName("remote_dom") @DomidT public int remoteDom;
  /** {@code evtchn_port_t remote_port;} (line 107). */
  @AbiName("remote_port") @EvtchnPortT public long remotePort;
  /** {@code evtchn_port_t local_port;} (line 109). */
  @AbiName("local_port") @EvtchnPortT public long localPort;

  /** An all-zero {@code struct evtchn_bind_interdomain}. */
  public EvtchnBindInterdomain() {}
}
