package corpus.xen;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

/** The fact follows the value through a plain local. */
@AbiStruct(name = "xen_add_to_physmap")
class XenAddToPhysmap {
  @U32 int space;
}

class Physmap {
  static int addOne(@U16 int space) {
    return space;
  }

  static int add(XenAddToPhysmap xatp) {
    int space = xatp.space;
    int result = addOne(space);
    //                  ^[abiguard:narrowing] field XenAddToPhysmap.space (u32) can reach parameter 'space' of addOne (u16)
    return result;
  }
}
