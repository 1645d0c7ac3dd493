package corpus.refinement;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "xen_add_to_physmap")
class XenAddToPhysmap {
  @U32 long space;
}

class Physmap {
  static void addOne(@U16 int space) {}

  static int add(XenAddToPhysmap xatp, @U32 long requested) {
    if (xatp.space > 0xFFFF) {
      return -22;
    }
    addOne((int) xatp.space);
    xatp.space = requested;
    addOne((int) xatp.space);
    //     ^[abiguard:narrowing] parameter 'requested' of add (u32) can reach parameter 'space' of addOne (u16)
    return 0;
  }
}
