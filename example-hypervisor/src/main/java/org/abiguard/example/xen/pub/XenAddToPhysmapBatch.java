package org.abiguard.example.xen.pub;

import org.abiguard.AbiName;
import org.abiguard.AbiStruct;
import org.abiguard.Pointer;
import org.abiguard.U16;

/**
 * {@code struct xen_add_to_physmap_batch}, declared in {@code public/memory.h}, line 250.
 *
 * <p>Imported from the C headers by abiguard-import and proven by the C compilers for x86_64, i386.
 */
@AbiStruct(name = "xen_add_to_physmap_batch")
public class XenAddToPhysmapBatch {
  /** {@code domid_t domid;} (line 253). */
  @DomidT public int domid;
  /** {@code uint16_t space;} (line 254). */
  @U16 public int space;
  /** {@code uint16_t size;} (line 257). */
  @U16 public int size;
  /** {@code domid_t foreign_domid;} (line 260). */
  @AbiName("foreign_domid") @DomidT public int foreignDomid;
  /** {@code XEN_GUEST_HANDLE(xen_ulong_t) idxs;} (line 269). */
  @Pointer public long idxs;
  /** {@code XEN_GUEST_HANDLE(xen_pfn_t) gpfns;} (line 272). */
  @Pointer public long gpfns;
  /** {@code XEN_GUEST_HANDLE(int) errs;} (line 277). */
  @Pointer public long errs;

  /** An all-zero {@code struct xen_add_to_physmap_batch}. */
  public XenAddToPhysmapBatch() {}
}
