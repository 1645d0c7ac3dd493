package corpus.xen;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

/** `space > 0xFFFF` on an int holding u32 leaves the negative ints, which are huge u32 values. */
@AbiStruct(name = "xen_add_to_physmap")
class XenAddToPhysmap {
  @U16 int domid;
  @U32 int space;
}

class Physmap {
  static final int EINVAL = 22;

  static int addOne(@U16 int space) {
    return space;
  }

  static int add(XenAddToPhysmap xatp) {
    if (xatp.space > 0xFFFF) {
      return -EINVAL;
    }
    return addOne(xatp.space);
    //                ^[abiguard:narrowing] field XenAddToPhysmap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}
