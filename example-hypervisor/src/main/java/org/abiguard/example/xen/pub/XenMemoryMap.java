package org.abiguard.example.xen.pub;

import org.abiguard.AbiName;
import org.abiguard.AbiStruct;
import org.abiguard.Pointer;
import org.abiguard.U32;

/**
 * {@code struct xen_memory_map}, declared in {@code public/memory.h}, line 314.
 *
 * <p>Imported from the C headers by abiguard-import and proven by the C compilers for x86_64, i386.
 */
@AbiStruct(name = "xen_memory_map")
public class XenMemoryMap {
  /** {@code unsigned int nr_entries;} (line 320). */
  @AbiName("nr_entries") @U32 public long nrEntries;
  /** {@code XEN_GUEST_HANDLE(void) buffer;} (line 326). */
  @Pointer public long buffer;

  /** An all-zero {@code struct xen_memory_map}. */
  public XenMemoryMap() {}
}
