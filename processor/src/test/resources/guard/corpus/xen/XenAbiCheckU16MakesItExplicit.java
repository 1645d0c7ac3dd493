package corpus.xen;

import org.abiguard.Abi;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "xen_add_to_physmap")
class XenAddToPhysmap {
  @U32 long space;
}

class Physmap {
  static int addOne(@U16 int space) {
    return space;
  }

  static int add(XenAddToPhysmap xatp) {
    return addOne(Abi.checkU16(xatp.space)) + addOne(Abi.truncU16(xatp.space));
  }
}
