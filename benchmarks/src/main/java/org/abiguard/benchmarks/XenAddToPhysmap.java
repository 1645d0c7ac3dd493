package org.abiguard.benchmarks;

import org.abiguard.AbiStruct;
import org.abiguard.NativeLong;
import org.abiguard.U16;
import org.abiguard.U32;

/**
 * C's {@code struct xen_add_to_physmap} from Xen's {@code public/memory.h}; abiguard generates
 * {@code XenAddToPhysmapMarshaller} from it.
 *
 * <pre>{@code
 * struct xen_add_to_physmap {
 *     domid_t domid;          // uint16_t
 *     uint16_t size;
 *     unsigned int space;
 *     xen_ulong_t idx;        // unsigned long
 *     xen_pfn_t gpfn;         // unsigned long
 * };
 * }</pre>
 */
@AbiStruct(name = "xen_add_to_physmap")
public class XenAddToPhysmap {
  @U16 public int domid;
  @U16 public int size;
  @U32 public long space;
  @NativeLong public long idx;
  @NativeLong public long gpfn;
}
