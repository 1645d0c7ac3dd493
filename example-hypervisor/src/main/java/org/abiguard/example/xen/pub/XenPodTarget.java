package org.abiguard.example.xen.pub;

import org.abiguard.AbiName;
import org.abiguard.AbiStruct;
import org.abiguard.U64;

/**
 * {@code struct xen_pod_target}, declared in {@code public/memory.h}, line 355.
 *
 * <p>Imported from the C headers by abiguard-import and proven by the C compilers for x86_64, i386.
 */
@AbiStruct(name = "xen_pod_target")
public class XenPodTarget {
  /** {@code uint64_t target_pages;} (line 357). */
  @AbiName("target_pages") @U64 public long targetPages;
  /** {@code uint64_t tot_pages;} (line 359). */
  @AbiName("tot_pages") @U64 public long totPages;
  /** {@code uint64_t pod_cache_pages;} (line 360). */
  @AbiName("pod_cache_pages") @U64 public long podCachePages;
  /** {@code uint64_t pod_entries;} (line 361). */
  @AbiName("pod_entries") @U64 public long podEntries;
  /** {@code domid_t domid;} (line 363). */
  @DomidT public int domid;

  /** An all-zero {@code struct xen_pod_target}. */
  public XenPodTarget() {}
}
