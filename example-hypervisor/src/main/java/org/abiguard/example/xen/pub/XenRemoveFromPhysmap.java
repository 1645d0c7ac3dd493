package org.abiguard.example.xen.pub;

import org.abiguard.AbiStruct;

/**
 * {@code struct xen_remove_from_physmap}, the argument of {@code XENMEM_remove_from_physmap}.
 *
 * <pre>{@code
 * struct xen_remove_from_physmap {
 *     domid_t domid;
 *     xen_pfn_t gpfn;
 * };
 * }</pre>
 */
@AbiStruct(name = "xen_remove_from_physmap")
public class XenRemoveFromPhysmap {
  /** The domain whose physmap changes; {@code DOMID_SELF} for the caller. */
  @DomId public int domid;
  /** The guest frame to unmap. */
  @XenPfn public long gpfn;

  /** An all-zero request. */
  public XenRemoveFromPhysmap() {}
}
