package corpus.control;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "xen_add_to_physmap")
class XenAddToPhysmap {
  @U32 int space;
}

class Physmap {
  static void addOne(@U16 int space) {}

  static void risky() {}

  static void add(XenAddToPhysmap xatp) {
    int space = 0;
    try {
      space = xatp.space;
      risky();
      space = 1;
    } catch (RuntimeException e) {
      addOne(space);
      //     ^[abiguard:narrowing] field XenAddToPhysmap.space (u32) can reach parameter 'space' of addOne (u16)
    } finally {
      addOne(space & 0xFF);
    }
    addOne(space);
    //     ^[abiguard:narrowing] field XenAddToPhysmap.space (u32) can reach parameter 'space' of addOne (u16)
  }
}
