package corpus.control;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "xen_add_to_physmap")
class XenAddToPhysmap {
  @U32 long space;
}

class Physmap {
  static void addOne(@U16 int space) {}

  static int add(XenAddToPhysmap xatp) {
    try {
      long space = xatp.space;
      if (space > 0xFFFF) {
        return -22;
      }
      addOne((int) space);
      return 0;
    } catch (IllegalStateException e) {
      return -1;
    } finally {
      addOne(0);
    }
  }
}
