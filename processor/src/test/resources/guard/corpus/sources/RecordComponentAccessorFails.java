package corpus.sources;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "xen_memory_reservation")
record MemoryReservation(@U32 int nrExtents, @U32 int extentOrder, @U16 int domid) {}

class Balloon {
  static void populate(@U16 int count) {}

  static void grow(MemoryReservation r) {
    populate(r.nrExtents());
    //                  ^[abiguard:narrowing] record component MemoryReservation.nrExtents (u32) can reach parameter 'count' of populate (u16)
    populate(r.domid());
  }
}
