package corpus.sinks;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "xen_add_to_physmap")
class XenAddToPhysmap {
  @U16 int domid;
  @U32 int space;
}

class Accessors {
  static @U16 int spaceOf(XenAddToPhysmap xatp) {
    return xatp.space;
    //         ^[abiguard:narrowing] field XenAddToPhysmap.space (u32) can reach return value of spaceOf (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  static @U16 int domidOf(XenAddToPhysmap xatp) {
    return xatp.domid;
  }
}
