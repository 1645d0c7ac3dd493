package corpus.xen;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

/** The idiomatic check of raw u32 bits: Integer.compareUnsigned proves the u16 range. */
@AbiStruct(name = "xen_add_to_physmap")
class XenAddToPhysmap {
  @U32 int space;
}

class Physmap {
  static final int EINVAL = 22;

  static int addOne(@U16 int space) {
    return space;
  }

  static int add(XenAddToPhysmap xatp) {
    if (Integer.compareUnsigned(xatp.space, 0xFFFF) > 0) {
      return -EINVAL;
    }
    return addOne(xatp.space);
  }
}
