package org.abiguard.example.xen.pub;

import org.abiguard.AbiName;
import org.abiguard.AbiStruct;

/**
 * {@code struct evtchn_alloc_unbound}, declared in {@code public/event_channel.h}, line 76.
 *
 * <p>Imported from the C headers by abiguard-import and proven by the C compilers for x86_64, i386.
 */
@AbiStruct(name = "evtchn_alloc_unbound")
public class EvtchnAllocUnbound {
  /** {@code domid_t dom, remote_dom;} (line 78). */
  @DomidT public int dom;
  /** {@code domid_t dom, remote_dom;} (line 78). */
  @AbiName("remote_dom") @DomidT public int remoteDom;
  /** {@code evtchn_port_t port;} (line 80). */
  @EvtchnPortT public long port;

  /** An all-zero {@code struct evtchn_alloc_unbound}. */
  public EvtchnAllocUnbound() {}
}
