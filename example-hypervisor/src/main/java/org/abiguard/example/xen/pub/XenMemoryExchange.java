package org.abiguard.example.xen.pub;

import org.abiguard.AbiName;
import org.abiguard.AbiStruct;

/**
 * {@code struct xen_memory_exchange}, the argument of {@code XENMEM_exchange}: two reservations
 * nested inline.
 *
 * <pre>{@code
 * struct xen_memory_exchange {
 *     struct xen_memory_reservation in;
 *     struct xen_memory_reservation out;
 *     xen_ulong_t nr_exchanged;
 * };
 * }</pre>
 */
@AbiStruct(name = "xen_memory_exchange")
public class XenMemoryExchange {
  /** The extents the guest gives up. */
  @AbiName("in") public XenMemoryReservation input = new XenMemoryReservation();
  /** The extents the guest receives instead. */
  @AbiName("out") public XenMemoryReservation output = new XenMemoryReservation();
  /** Progress: input extents exchanged so far (written back by the hypervisor). */
  @AbiName("nr_exchanged") @XenUlong public long nrExchanged;

  /** An all-zero exchange. */
  public XenMemoryExchange() {}
}
