package corpus.control;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "xen_add_to_physmap")
class XenAddToPhysmap {
  @U16 int domid;
  @U32 int space;
}

class Physmap {
  static void addOne(@U16 int value) {}

  static void add(XenAddToPhysmap xatp, int op) {
    int value = switch (op) {
      case 0 -> xatp.domid;
      case 1 -> {
        int s = xatp.space;
        yield s;
      }
      default -> 0;
    };
    addOne(value);
    //     ^[abiguard:narrowing] field XenAddToPhysmap.space (u32) can reach parameter 'value' of addOne (u16)
  }
}
