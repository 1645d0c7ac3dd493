package corpus.xen;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

/** `space < 0 || space > 0xFFFF` on an int holding u32 does prove the u16 range. */
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
    if (xatp.space < 0 || xatp.space > 0xFFFF) {
      return -EINVAL;
    }
    return addOne(xatp.space);
  }
}
