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

  static int add(XenAddToPhysmap checked, XenAddToPhysmap other) {
    if (checked.space > 0xFFFF) {
      return -22;
    }
    addOne((int) checked.space);
    addOne((int) other.space);
    //     ^[abiguard:narrowing] field XenAddToPhysmap.space (u32) can reach parameter 'space' of addOne (u16)
    return 0;
  }
}
