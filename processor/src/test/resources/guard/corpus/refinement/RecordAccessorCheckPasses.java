package corpus.refinement;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "xen_add_to_physmap3")
record PhysmapArgs(@U16 int domid, @U16 int size, @U32 long space) {}

class AccessorChecks {
  static int addToPhysmapOne(@U16 int space) {
    return space;
  }

  static int add(PhysmapArgs xatp) {
    if (xatp.space() > 0xFFFF) {
      return -22;
    }
    return addToPhysmapOne((int) xatp.space());
  }
}
