package org.abiguard.example.xen.pub;

import org.abiguard.AbiStruct;

/**
 * {@code struct xen_foreign_memory_map}, the argument of {@code XENMEM_set_memory_map}.
 *
 * <pre>{@code
 * struct xen_foreign_memory_map {
 *     domid_t domid;
 *     struct xen_memory_map map;
 * };
 * }</pre>
 */
@AbiStruct(name = "xen_foreign_memory_map")
public class XenForeignMemoryMap {
  /** The domain whose memory map is set. */
  @DomId public int domid;
  /** The new map. */
  public XenMemoryMap map = new XenMemoryMap();

  /** An all-zero request. */
  public XenForeignMemoryMap() {}
}
