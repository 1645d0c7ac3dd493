// JAVA: 21
package corpus.patterns;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "xen_add_to_physmap2")
record CheckedAddToPhysmap(@U16 int domid, @U16 int size, @U32 long space) {}

class CheckedPatternDispatch {
  static int addToPhysmapOne(@U16 int space) {
    return space;
  }

  static int viaSwitch(Object arg) {
    return switch (arg) {
      case CheckedAddToPhysmap(var domid, var size, var space) when space <= 0xFFFF -> addToPhysmapOne((int) space);
      case CheckedAddToPhysmap(var domid, var size, var space) -> -22;
      default -> -22;
    };
  }

  static int viaInstanceof(Object arg) {
    if (arg instanceof CheckedAddToPhysmap(int domid, int size, long space) && space < 0x10000) {
      return addToPhysmapOne((int) space) + addToPhysmapOne(domid) + addToPhysmapOne(size);
    }
    return -22;
  }
}
