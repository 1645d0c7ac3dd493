package corpus.xen;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

/** A cast makes javac accept the call, but the u32 still reaches the u16 parameter. */
@AbiStruct(name = "xen_add_to_physmap")
class XenAddToPhysmap {
  @U32 long space;
}

class Physmap {
  static int addOne(@U16 short space) {
    return space;
  }

  static int add(XenAddToPhysmap xatp) {
    return addOne((short) xatp.space);
    //            ^[abiguard:narrowing] field XenAddToPhysmap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}
