package corpus.xen;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U64;

/** Xen 4.4-rc2: common code passes the u32 space into the arch hook's uint16_t parameter. */
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
  static final int EINVAL = 22;

  static int xenmemAddToPhysmapOne(Domain d, @U16 int space, @U64 long idx, @U64 long gpfn) {
    return space == 0 ? 0 : 1;
  }

  static int xenmemAddToPhysmap(Domain d, XenAddToPhysmap xatp) {
    return xenmemAddToPhysmapOne(d, xatp.space, xatp.idx, xatp.gpfn);
    //                                  ^[abiguard:narrowing] field XenAddToPhysmap.space (u32) can reach parameter 'space' of xenmemAddToPhysmapOne (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}
