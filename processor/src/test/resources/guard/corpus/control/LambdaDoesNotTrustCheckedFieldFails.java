package corpus.control;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "xen_add_to_physmap")
class XenAddToPhysmap {
  @U32 long space;
}

class Deferred {
  static void addOne(@U16 int space) {}

  /** The field is checked now, but the lambda runs later: the field may have changed by then. */
  static Runnable later(XenAddToPhysmap xatp) {
    if (xatp.space > 0xFFFF) {
      throw new IllegalArgumentException();
    }
    long checked = xatp.space;
    Runnable safe = () -> addOne((int) checked);
    Runnable unsafe = () -> addOne((int) xatp.space);
    //                             ^[abiguard:narrowing] field XenAddToPhysmap.space (u32) can reach parameter 'space' of addOne (u16)
    safe.run();
    return unsafe;
  }
}
