package corpus.sinks;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "xen_add_to_physmap")
class XenAddToPhysmap {
  @U32 long space;
}

class Accessors {
  static @U16 int spaceOf(XenAddToPhysmap xatp) {
    long space = xatp.space;
    if (space > 0xFFFF) {
      throw new IllegalArgumentException("space " + space);
    }
    return (int) space;
  }
}
