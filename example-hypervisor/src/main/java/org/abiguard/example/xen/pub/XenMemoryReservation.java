package org.abiguard.example.xen.pub;

import org.abiguard.AbiName;
import org.abiguard.AbiStruct;
import org.abiguard.Pointer;
import org.abiguard.U32;

/**
 * {@code struct xen_memory_reservation}, declared in {@code public/memory.h}, line 46.
 *
 * <p>Imported from the C headers by abiguard-import and proven by the C compilers for x86_64, i386.
 */
@AbiStruct(name = "xen_memory_reservation")
public class XenMemoryReservation {
  /** {@code XEN_GUEST_HANDLE(xen_pfn_t) extent_start;} (line 60). */
  @AbiName("extent_start") @Pointer public long extentStart;
  /** {@code xen_ulong_t nr_extents;} (line 63). */
  @AbiName("nr_extents") @XenUlongT public long nrExtents;
  /** {@code unsigned int extent_order;} (line 64). */
  @AbiName("extent_order") @U32 public long extentOrder;
  /** {@code unsigned int mem_flags;} (line 68). */
  @AbiName("mem_flags") @U32 public long memFlags;
  /** {@code domid_t domid;} (line 77). */
  @DomidT public int domid;

  /** An all-zero {@code struct xen_memory_reservation}. */
  public XenMemoryReservation() {}
}
