package org.abiguard.example.xen.pub;

import org.abiguard.AbiName;
import org.abiguard.AbiStruct;
import org.abiguard.AbiUnion;
import org.abiguard.U32;

/**
 * {@code struct evtchn_op}, declared in {@code public/event_channel.h}, line 307.
 *
 * <p>Imported from the C headers by abiguard-import and proven by the C compilers for x86_64, i386.
 */
@AbiStruct(name = "evtchn_op")
public class EvtchnOp {
  /** {@code uint32_t cmd;} (line 308). */
  @U32 public long cmd;
  /** {@code union {...} u;} (line 320). */
  public U u = new U();

  /** An all-zero {@code struct evtchn_op}. */
  public EvtchnOp() {}

  /** The union without a tag declared at line 309. */
  @AbiUnion(untagged = true)
  public static class U {
    /** {@code evtchn_alloc_unbound_t alloc_unbound;} (line 310). */
    @AbiName("alloc_unbound") public EvtchnAllocUnbound allocUnbound;
    /** {@code evtchn_bind_interdomain_t bind_interdomain;} (line 311). */
    @AbiName("bind_interdomain") public EvtchnBindInterdomain bindInterdomain;
    /** {@code evtchn_bind_virq_t bind_virq;} (line 312). */
    @AbiName("bind_virq") public EvtchnBindVirq bindVirq;
    /** {@code evtchn_bind_pirq_t bind_pirq;} (line 313). */
    @AbiName("bind_pirq") public EvtchnBindPirq bindPirq;
    /** {@code evtchn_bind_ipi_t bind_ipi;} (line 314). */
    @AbiName("bind_ipi") public EvtchnBindIpi bindIpi;
    /** {@code evtchn_close_t close;} (line 315). */
    public EvtchnClose close;
    /** {@code evtchn_send_t send;} (line 316). */
    public EvtchnSend send;
    /** {@code evtchn_status_t status;} (line 317). */
    public EvtchnStatus status;
    /** {@code evtchn_bind_vcpu_t bind_vcpu;} (line 318). */
    @AbiName("bind_vcpu") public EvtchnBindVcpu bindVcpu;
    /** {@code evtchn_unmask_t unmask;} (line 319). */
    public EvtchnUnmask unmask;

    /** An all-zero {@code U}. */
    public U() {}
  }
}
