package org.abiguard.processor.codegen;

import org.abiguard.processor.model.JavaKind;
import org.abiguard.processor.model.MemberType;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.model.Width;

/** The two Xen structs the tests use, mirrored as the example hypervisor does. */
final class Xen {
  private Xen() {}

  /**
   * {@code struct xen_add_to_physmap { domid_t domid; uint16_t size; unsigned int space;
   * xen_ulong_t idx; xen_pfn_t gpfn; }}: x86_64 offsets 0, 2, 4, 8, 16, size 24; i386 offsets 0, 2,
   * 4, 8, 12, size 16.
   */
  static StructModel addToPhysmap() {
    return StructFixture.struct("org.example.xen", "XenAddToPhysmap")
        .cName("xen_add_to_physmap")
        .integer("domid", Width.U16, JavaKind.INT)
        .integer("size", Width.U16, JavaKind.INT)
        .integer("space", Width.U32, JavaKind.LONG)
        .nativeLong("idx", false)
        .nativeLong("gpfn", false)
        .build();
  }

  /**
   * {@code struct xen_memory_reservation { XEN_GUEST_HANDLE(xen_pfn_t) extent_start; xen_ulong_t
   * nr_extents; unsigned int extent_order; unsigned int mem_flags; domid_t domid; }}: x86_64
   * offsets 0, 8, 16, 20, 24, size 32; i386 offsets 0, 4, 8, 12, 16, size 20.
   */
  static StructModel memoryReservation() {
    return StructFixture.struct("org.example.xen", "XenMemoryReservation")
        .cName("xen_memory_reservation")
        .field("extentStart", "extent_start", new MemberType.PointerType(), 0)
        .field("nrExtents", "nr_extents", new MemberType.IntType(Width.U64, true, JavaKind.LONG), 0)
        .field(
            "extentOrder",
            "extent_order",
            new MemberType.IntType(Width.U32, false, JavaKind.INT),
            0)
        .field("memFlags", "mem_flags", new MemberType.IntType(Width.U32, false, JavaKind.INT), 0)
        .integer("domid", Width.U16, JavaKind.INT)
        .build();
  }
}
