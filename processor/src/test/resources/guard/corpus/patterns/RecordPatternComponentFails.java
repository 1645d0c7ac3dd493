// JAVA: 21
package corpus.patterns;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "xen_add_to_physmap")
record AddToPhysmap(@U16 int domid, @U16 int size, @U32 long space) {}

class PatternDispatch {
  static int addToPhysmapOne(@U16 int space) {
    return space;
  }

  static int viaInstanceof(Object arg) {
    if (arg instanceof AddToPhysmap(int domid, int size, long space)) {
      return addToPhysmapOne((int) space);
    //                       ^[abiguard:narrowing] record component AddToPhysmap.space (u32) can reach parameter 'space' of addToPhysmapOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    }
    return -22;
  }

  static int viaSwitch(Object arg) {
    return switch (arg) {
      case AddToPhysmap(var domid, var size, var space) when domid == 0x7FF0 -> addToPhysmapOne((int) space);
    //                                                                                          ^[abiguard:narrowing] record component AddToPhysmap.space (u32) can reach parameter 'space' of addToPhysmapOne (u16)
      default -> -22;
    };
  }

  static int inGuard(Object arg) {
    return switch (arg) {
      case AddToPhysmap(var domid, var size, var space) when addToPhysmapOne((int) space) > 0 -> 0;
    //                                                                       ^[abiguard:narrowing] record component AddToPhysmap.space (u32) can reach parameter 'space' of addToPhysmapOne (u16)
      default -> -22;
    };
  }
}
