package corpus.xen;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

/** The check is there, but its branches are swapped: the u16 hook runs with the large values. */
@AbiStruct(name = "xen_add_to_physmap")
class XenAddToPhysmap {
  @U32 int space;
}

class Physmap {
  static int addOne(@U16 int space) {
    return space;
  }

  static int add(XenAddToPhysmap xatp) {
    if (Integer.compareUnsigned(xatp.space, 0xFFFF) <= 0) {
      return 0;
    }
    return addOne(xatp.space);
    //                ^[abiguard:narrowing] field XenAddToPhysmap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}
