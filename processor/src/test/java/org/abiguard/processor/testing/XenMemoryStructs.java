package org.abiguard.processor.testing;

import static org.abiguard.processor.testing.StructBuilder.nativeLong;
import static org.abiguard.processor.testing.StructBuilder.pointer;
import static org.abiguard.processor.testing.StructBuilder.struct;
import static org.abiguard.processor.testing.StructBuilder.u16;
import static org.abiguard.processor.testing.StructBuilder.u32;
import static org.abiguard.processor.testing.StructBuilder.u64;

import java.util.List;
import java.util.function.Function;
import org.abiguard.processor.model.StructModel;

/**
 * Java mirrors (as models) of the structs of Xen's {@code public/memory.h}, as a user would
 * annotate them: {@code xen_ulong_t} and {@code xen_pfn_t} as {@code @NativeLong} (C {@code
 * unsigned long} on x86, {@code uint64_t} on Arm, which is LP64 there), guest handles as
 * {@code @Pointer} (a struct of one pointer on x86, a union of a pointer and a {@code
 * uint64_aligned_t} on Arm: 8 bytes aligned 8, as a pointer on LP64). The C side is the test
 * resource {@code c-proofs/xen-memory.h}.
 */
public final class XenMemoryStructs {
  private XenMemoryStructs() {}

  public static final StructModel MEMORY_RESERVATION =
      struct("xen.XenMemoryReservation", "xen_memory_reservation")
          .field("extentStart", "extent_start", pointer()) // XEN_GUEST_HANDLE(xen_pfn_t)
          .field("nrExtents", "nr_extents", nativeLong()) // xen_ulong_t
          .field("extentOrder", "extent_order", u32()) // unsigned int
          .field("memFlags", "mem_flags", u32()) // unsigned int
          .field("domid", u16()) // domid_t
          .build();

  public static final StructModel MEMORY_EXCHANGE =
      struct("xen.XenMemoryExchange", "xen_memory_exchange")
          .field("in", struct("xen.XenMemoryReservation"))
          .field("out", struct("xen.XenMemoryReservation"))
          .field("nrExchanged", "nr_exchanged", nativeLong()) // xen_ulong_t
          .build();

  public static final StructModel ADD_TO_PHYSMAP =
      struct("xen.XenAddToPhysmap", "xen_add_to_physmap")
          .field("domid", u16()) // domid_t
          .field("size", u16()) // uint16_t
          .field("space", u32()) // unsigned int
          .field("idx", nativeLong()) // xen_ulong_t
          .field("gpfn", nativeLong()) // xen_pfn_t
          .build();

  public static final StructModel ADD_TO_PHYSMAP_BATCH =
      struct("xen.XenAddToPhysmapBatch", "xen_add_to_physmap_batch")
          .field("domid", u16()) // domid_t
          .field("space", u16()) // uint16_t
          .field("size", u16()) // uint16_t
          .field("foreignDomid", "u", u16()) // union { domid_t foreign_domid; uint16_t res0; } u
          .field("idxs", pointer()) // XEN_GUEST_HANDLE(xen_ulong_t)
          .field("gpfns", pointer()) // XEN_GUEST_HANDLE(xen_pfn_t)
          .field("errs", pointer()) // XEN_GUEST_HANDLE(int)
          .build();

  public static final StructModel REMOVE_FROM_PHYSMAP =
      struct("xen.XenRemoveFromPhysmap", "xen_remove_from_physmap")
          .field("domid", u16()) // domid_t
          .field("gpfn", nativeLong()) // xen_pfn_t
          .build();

  public static final StructModel MEMORY_MAP =
      struct("xen.XenMemoryMap", "xen_memory_map")
          .field("nrEntries", "nr_entries", u32()) // unsigned int
          .field("buffer", pointer()) // XEN_GUEST_HANDLE(void)
          .build();

  public static final StructModel FOREIGN_MEMORY_MAP =
      struct("xen.XenForeignMemoryMap", "xen_foreign_memory_map")
          .field("domid", u16()) // domid_t
          .field("map", struct("xen.XenMemoryMap"))
          .build();

  public static final StructModel POD_TARGET =
      struct("xen.XenPodTarget", "xen_pod_target")
          .field("targetPages", "target_pages", u64())
          .field("totPages", "tot_pages", u64())
          .field("podCachePages", "pod_cache_pages", u64())
          .field("podEntries", "pod_entries", u64())
          .field("domid", u16())
          .build();

  public static final StructModel MEM_ACQUIRE_RESOURCE =
      struct("xen.XenMemAcquireResource", "xen_mem_acquire_resource")
          .field("domid", u16()) // domid_t
          .field("type", u16()) // uint16_t
          .field("id", u32()) // uint32_t
          .field("nrFrames", "nr_frames", u32()) // uint32_t
          .field("pad", u32()) // uint32_t
          .field("frame", u64()) // uint64_t
          .field("frameList", "frame_list", pointer()) // XEN_GUEST_HANDLE(xen_pfn_t)
          .build();

  /** All of them, nested ones before the structs that contain them. */
  public static final List<StructModel> ALL =
      List.of(
          MEMORY_RESERVATION,
          MEMORY_EXCHANGE,
          ADD_TO_PHYSMAP,
          ADD_TO_PHYSMAP_BATCH,
          REMOVE_FROM_PHYSMAP,
          MEMORY_MAP,
          FOREIGN_MEMORY_MAP,
          POD_TARGET,
          MEM_ACQUIRE_RESOURCE);

  public static Function<String, StructModel> lookup() {
    return StructBuilder.lookup(ALL);
  }

  /** The resource holding the C declarations. */
  public static final String HEADER = "c-proofs/xen-memory.h";
}
