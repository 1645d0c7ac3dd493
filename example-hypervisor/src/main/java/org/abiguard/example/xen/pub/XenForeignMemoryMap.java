package org.abiguard.example.xen.pub;

import org.abiguard.AbiStruct;

/**
 * {@code struct xen_foreign_memory_map}, declared in {@code public/memory.h}, line 346.
 *
 * <p>Imported from the C headers by abiguard-import and proven by the C compilers for x86_64, i386.
 */
@AbiStruct(name = "xen_foreign_memory_map")
public class XenForeignMemoryMap {
  /** {@code domid_t domid;} (line 347). */
  @DomidT public int domid;
  /** {@code struct xen_memory_map map;} (line 348). */
  public XenMemoryMap map = new XenMemoryMap();

  /** An all-zero {@code struct xen_foreign_memory_map}. */
  public XenForeignMemoryMap() {}
}
