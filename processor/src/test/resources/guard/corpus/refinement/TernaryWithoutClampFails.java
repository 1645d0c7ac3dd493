package corpus.refinement;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "xen_add_to_physmap")
class XenAddToPhysmap {
  @U32 int space;
}

class Physmap {
  static void addOne(@U16 int space) {}

  static void add(XenAddToPhysmap xatp, boolean gmfn) {
    addOne(gmfn ? xatp.space : 0);
    //                ^[abiguard:narrowing] field XenAddToPhysmap.space (u32) can reach parameter 'space' of addOne (u16)
  }
}
