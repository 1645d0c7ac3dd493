package org.abiguard.example.xen.pub;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

/**
 * {@code struct xen_add_to_physmap}, declared in {@code public/memory.h}, line 228.
 *
 * <p>Imported from the C headers by abiguard-import and proven by the C compilers for x86_64, i386.
 */
@AbiStruct(name = "xen_add_to_physmap")
public class XenAddToPhysmap {
  /** {@code domid_t domid;} (line 230). */
  @DomidT public int domid;
  /** {@code uint16_t size;} (line 233). */
  @U16 public int size;
  /** {@code unsigned int space;} (line 235). */
  @U32 public long space;
  /** {@code xen_ulong_t idx;} (line 240). */
  @XenUlongT public long idx;
  /** {@code xen_pfn_t gpfn;} (line 243). */
  @XenPfnT public long gpfn;

  /** An all-zero {@code struct xen_add_to_physmap}. */
  public XenAddToPhysmap() {}
}
