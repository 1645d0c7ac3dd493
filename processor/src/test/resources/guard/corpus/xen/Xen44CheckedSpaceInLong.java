package corpus.xen;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U64;

/** The space held as a long (u32), range-checked before the u16 hook: the check proves it fits. */
@AbiStruct(name = "xen_add_to_physmap")
class XenAddToPhysmap {
  @U16 int domid;
  @U16 int size;
  @U32 long space;
  @U64 long idx;
  @U64 long gpfn;
}

class Domain {}

class Physmap {
  static final int EINVAL = 22;

  static int xenmemAddToPhysmapOne(Domain d, @U16 int space, @U64 long idx, @U64 long gpfn) {
    return space == 0 ? 0 : 1;
  }

  static int xenmemAddToPhysmap(Domain d, XenAddToPhysmap xatp) {
    if (xatp.space > 0xFFFF) {
      return -EINVAL;
    }
    return xenmemAddToPhysmapOne(d, (int) xatp.space, xatp.idx, xatp.gpfn);
  }
}
