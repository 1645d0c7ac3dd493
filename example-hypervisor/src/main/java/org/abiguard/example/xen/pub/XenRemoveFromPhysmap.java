package org.abiguard.example.xen.pub;

import org.abiguard.AbiStruct;

/**
 * {@code struct xen_remove_from_physmap}, declared in {@code public/memory.h}, line 295.
 *
 * <p>Imported from the C headers by abiguard-import and proven by the C compilers for x86_64, i386.
 */
@AbiStruct(name = "xen_remove_from_physmap")
public class XenRemoveFromPhysmap {
  /** {@code domid_t domid;} (line 297). */
  @DomidT public int domid;
  /** {@code xen_pfn_t gpfn;} (line 300). */
  @XenPfnT public long gpfn;

  /** An all-zero {@code struct xen_remove_from_physmap}. */
  public XenRemoveFromPhysmap() {}
}
