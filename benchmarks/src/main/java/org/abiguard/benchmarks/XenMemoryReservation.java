package org.abiguard.benchmarks;

import org.abiguard.AbiName;
import org.abiguard.AbiStruct;
import org.abiguard.NativeLong;
import org.abiguard.Pointer;
import org.abiguard.U16;
import org.abiguard.U32;

/**
 * C's {@code struct xen_memory_reservation} from Xen's {@code public/memory.h}, nested twice in
 * {@link MemoryExchangeBatch}.
 *
 * <pre>{@code
 * struct xen_memory_reservation {
 *     XEN_GUEST_HANDLE(xen_pfn_t) extent_start;   // a guest pointer
 *     xen_ulong_t  nr_extents;                     // unsigned long
 *     unsigned int extent_order;
 *     unsigned int mem_flags;
 *     domid_t      domid;                          // uint16_t
 * };
 * }</pre>
 */
@AbiStruct(name = "xen_memory_reservation")
public class XenMemoryReservation {
  @Pointer
  @AbiName("extent_start")
  public long extentStart;

  @NativeLong
  @AbiName("nr_extents")
  public long nrExtents;

  @U32
  @AbiName("extent_order")
  public long extentOrder;

  @U32
  @AbiName("mem_flags")
  public long memFlags;

  @U16 public int domid;
}
