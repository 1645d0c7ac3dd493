package org.abiguard.example.xen.pub;

import org.abiguard.AbiName;
import org.abiguard.AbiStruct;
import org.abiguard.U64;

/**
 * {@code struct xen_pod_target}, the argument of {@code XENMEM_get_pod_target} (and
 * {@code XENMEM_set_pod_target}, which this model does not implement).
 *
 * <pre>{@code
 * struct xen_pod_target {
 *     uint64_t target_pages;      // in (set)
 *     uint64_t tot_pages;         // out
 *     uint64_t pod_cache_pages;   // out
 *     uint64_t pod_entries;       // out
 *     domid_t domid;              // in
 * };
 * }</pre>
 *
 * <p>The {@code uint64_t} members are 4-aligned on i386, so the struct is 36 bytes there and
 * 40 on x86_64.
 */
@AbiStruct(name = "xen_pod_target")
public class XenPodTarget {
  /** In for set: the target in pages. */
  @AbiName("target_pages") @U64 public long targetPages;
  /** Out: the domain's current pages. */
  @AbiName("tot_pages") @U64 public long totPages;
  /** Out: pages in the populate-on-demand cache. */
  @AbiName("pod_cache_pages") @U64 public long podCachePages;
  /** Out: populate-on-demand entries in the p2m. */
  @AbiName("pod_entries") @U64 public long podEntries;
  /** In: the domain. */
  @DomId public int domid;

  /** An all-zero request. */
  public XenPodTarget() {}
}
