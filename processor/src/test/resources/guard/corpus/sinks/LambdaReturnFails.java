package corpus.sinks;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "xen_add_to_physmap")
class XenAddToPhysmap {
  @U16 int domid;
  @U32 int space;
}

interface DomIdSource {
  @U16 int domid();
}

class Sources {
  static DomIdSource[] of(XenAddToPhysmap xatp) {
    DomIdSource good = () -> xatp.domid;
    DomIdSource bad = () -> xatp.space;
    //                          ^[abiguard:narrowing] field XenAddToPhysmap.space (u32) can reach return value of domid (u16)
    return new DomIdSource[] {good, bad};
  }
}
