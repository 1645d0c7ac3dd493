package corpus.refinement;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "xen_add_to_physmap4")
record PhysmapRequest(@U16 int domid, @U16 int size, @U32 long space) {}

class StaleAccessorChecks {
  static int addToPhysmapOne(@U16 int space) {
    return space;
  }

  static int add(PhysmapRequest xatp, PhysmapRequest next) {
    if (xatp.space() > 0xFFFF) {
      return -22;
    }
    addToPhysmapOne((int) next.space());
    //              ^[abiguard:narrowing] record component PhysmapRequest.space (u32) can reach parameter 'space' of addToPhysmapOne (u16)
    xatp = next;
    return addToPhysmapOne((int) xatp.space());
    //                     ^[abiguard:narrowing] record component PhysmapRequest.space (u32) can reach parameter 'space' of addToPhysmapOne (u16)
  }
}
