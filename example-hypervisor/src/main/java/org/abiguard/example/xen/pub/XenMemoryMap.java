package org.abiguard.example.xen.pub;

import org.abiguard.AbiName;
import org.abiguard.AbiStruct;
import org.abiguard.U32;

/**
 * {@code struct xen_memory_map}, the argument of {@code XENMEM_memory_map} and
 * {@code XENMEM_machine_memory_map}.
 *
 * <pre>{@code
 * struct xen_memory_map {
 *     unsigned int nr_entries;          // in: room in buffer; out: entries written
 *     XEN_GUEST_HANDLE(void) buffer;    // array of e820 entries
 * };
 * }</pre>
 */
@AbiStruct(name = "xen_memory_map")
public class XenMemoryMap {
  /** In: how many entries {@link #buffer} holds; out: how many were written. */
  @AbiName("nr_entries") @U32 public long nrEntries;
  /** Guest array of {@link XenE820Entry}. */
  @GuestHandle public long buffer;

  /** An all-zero map. */
  public XenMemoryMap() {}
}
