package corpus.xen;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U64;

/** Xen 4.4 final: the arch hook takes unsigned int space, so nothing is lost. */
@AbiStruct(name = "xen_add_to_physmap")
class XenAddToPhysmap {
  @U16 int domid;
  @U16 int size;
  @U32 int space;
  @U64 long idx;
  @U64 long gpfn;
}

class Domain {}

class Physmap {
  static int xenmemAddToPhysmapOne(Domain d, @U32 int space, @U64 long idx, @U64 long gpfn) {
    return space == 0 ? 0 : 1;
  }

  static int xenmemAddToPhysmap(Domain d, XenAddToPhysmap xatp) {
    return xenmemAddToPhysmapOne(d, xatp.space, xatp.idx, xatp.gpfn);
  }
}
