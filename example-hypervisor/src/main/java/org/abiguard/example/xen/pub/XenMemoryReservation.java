package org.abiguard.example.xen.pub;

import org.abiguard.AbiName;
import org.abiguard.AbiStruct;
import org.abiguard.U32;

/**
 * {@code struct xen_memory_reservation}, the argument of {@code XENMEM_increase_reservation},
 * {@code XENMEM_decrease_reservation} and {@code XENMEM_populate_physmap}.
 *
 * <pre>{@code
 * struct xen_memory_reservation {
 *     XEN_GUEST_HANDLE(xen_pfn_t) extent_start;
 *     xen_ulong_t    nr_extents;
 *     unsigned int   extent_order;
 *     unsigned int   mem_flags;
 *     domid_t        domid;
 * };
 * }</pre>
 */
@AbiStruct(name = "xen_memory_reservation")
public class XenMemoryReservation {
  /** Guest array of {@code xen_pfn_t}: the extents' first frames (in, or out for increase on PV). */
  @AbiName("extent_start") @GuestHandle public long extentStart;
  /** Number of extents in {@link #extentStart}. */
  @AbiName("nr_extents") @XenUlong public long nrExtents;
  /** Each extent is {@code 1 << extentOrder} contiguous frames. */
  @AbiName("extent_order") @U32 public long extentOrder;
  /** {@code XENMEMF_*}: low 8 bits are the address width the frames must fit. */
  @AbiName("mem_flags") @U32 public long memFlags;
  /** The domain whose reservation changes; {@code DOMID_SELF} for the caller. */
  @DomId public int domid;

  /** An all-zero reservation. */
  public XenMemoryReservation() {}
}
