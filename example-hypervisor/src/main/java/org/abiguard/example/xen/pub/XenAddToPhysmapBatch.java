package org.abiguard.example.xen.pub;

import org.abiguard.AbiName;
import org.abiguard.AbiStruct;
import org.abiguard.U16;

/**
 * {@code struct xen_add_to_physmap_batch}, the argument of {@code XENMEM_add_to_physmap_batch}.
 *
 * <pre>{@code
 * struct xen_add_to_physmap_batch {
 *     domid_t domid;
 *     uint16_t space;                  // XENMAPSPACE_*, 16 bits here
 *     uint16_t size;
 *     domid_t foreign_domid;           // union xen_add_to_physmap_batch_extra u since 4.7
 *     XEN_GUEST_HANDLE(xen_ulong_t) idxs;
 *     XEN_GUEST_HANDLE(xen_pfn_t) gpfns;
 *     XEN_GUEST_HANDLE(int) errs;      // per-entry result, written by the hypervisor
 * };
 * }</pre>
 */
@AbiStruct(name = "xen_add_to_physmap_batch")
public class XenAddToPhysmapBatch {
  /** The domain whose physmap changes; {@code DOMID_SELF} for the caller. */
  @DomId public int domid;
  /** {@code XENMAPSPACE_*}. */
  @U16 public int space;
  /** Number of entries in the three arrays; counts down as the hypervisor progresses. */
  @U16 public int size;
  /** For {@code XENMAPSPACE_gmfn_foreign}: the domain whose frames are mapped. */
  @AbiName("foreign_domid") @DomId public int foreignDomid;
  /** Guest array of {@code xen_ulong_t}: the indexes into the space. */
  @GuestHandle public long idxs;
  /** Guest array of {@code xen_pfn_t}: where to map each. */
  @GuestHandle public long gpfns;
  /** Guest array of {@code int}: each entry's result, 0 or a negative errno. */
  @GuestHandle public long errs;

  /** An all-zero request. */
  public XenAddToPhysmapBatch() {}
}
