package org.example.xen;

import org.abiguard.AbiName;
import org.abiguard.AbiStruct;
import org.abiguard.NativeLong;
import org.abiguard.Pointer;
import org.abiguard.U32;

/** C: struct xen_memory_reservation from Xen's public/memory.h, as a record. */
@AbiStruct(name = "xen_memory_reservation")
public record XenMemoryReservation(
    @Pointer @AbiName("extent_start") long extentStart,
    @NativeLong @AbiName("nr_extents") long nrExtents,
    @U32 @AbiName("extent_order") int extentOrder,
    @U32 @AbiName("mem_flags") int memFlags,
    @DomId int domid) {}
