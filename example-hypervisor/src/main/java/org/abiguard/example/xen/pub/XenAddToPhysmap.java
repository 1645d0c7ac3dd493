package org.abiguard.example.xen.pub;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

/**
 * {@code struct xen_add_to_physmap}, the argument of {@code XENMEM_add_to_physmap}.
 *
 * <pre>{@code
 * struct xen_add_to_physmap {
 *     domid_t domid;
 *     uint16_t size;          // pages for XENMAPSPACE_gmfn_range
 *     unsigned int space;     // XENMAPSPACE_*
 *     xen_ulong_t idx;
 *     xen_pfn_t gpfn;
 * };
 * }</pre>
 *
 * <p>{@code space} is 32 bits wide here and only 16 bits wide in
 * {@link XenAddToPhysmapBatch}: the difference that Xen 4.4-rc2 lost when both went through one
 * function with a {@code uint16_t space} parameter.
 */
@AbiStruct(name = "xen_add_to_physmap")
public class XenAddToPhysmap {
  /** The domain whose physmap changes; {@code DOMID_SELF} for the caller. */
  @DomId public int domid;
  /** Number of pages for {@code XENMAPSPACE_gmfn_range}; counts down as the hypervisor progresses. */
  @U16 public int size;
  /** Which space {@link #idx} indexes: {@code XENMAPSPACE_*}. */
  @U32 public long space;
  /** Index into the space (for {@code gmfn}: the guest frame to move). */
  @XenUlong public long idx;
  /** The guest frame to map it at. */
  @XenPfn public long gpfn;

  /** An all-zero request. */
  public XenAddToPhysmap() {}
}
