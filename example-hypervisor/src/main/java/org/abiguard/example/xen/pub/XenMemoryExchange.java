package org.abiguard.example.xen.pub;

import org.abiguard.AbiName;
import org.abiguard.AbiStruct;

/**
 * {@code struct xen_memory_exchange}, declared in {@code public/memory.h}, line 92.
 *
 * <p>Imported from the C headers by abiguard-import and proven by the C compilers for x86_64, i386.
 */
@AbiStruct(name = "xen_memory_exchange")
public class XenMemoryExchange {
  /** {@code struct xen_memory_reservation in;} (line 97). */
  public XenMemoryReservation in = new XenMemoryReservation();
  /** {@code struct xen_memory_reservation out;} (line 109). */
  public XenMemoryReservation out = new XenMemoryReservation();
  /** {@code xen_ulong_t nr_exchanged;} (line 122). */
  @AbiName("nr_exchanged") @XenUlongT public long nrExchanged;

  /** An all-zero {@code struct xen_memory_exchange}. */
  public XenMemoryExchange() {}
}
