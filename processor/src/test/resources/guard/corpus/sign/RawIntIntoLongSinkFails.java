package corpus.sign;

import org.abiguard.AbiStruct;
import org.abiguard.U32;

@AbiStruct(name = "xen_add_to_physmap")
class XenAddToPhysmap {
  @U32 int space;
}

class Physmap {
  static void addOne(@U32 long space) {}

  static void add(XenAddToPhysmap xatp) {
    long widened = xatp.space;
    addOne(widened);
    //     ^[abiguard:sign] field XenAddToPhysmap.space (u32) can reach parameter 'space' of addOne (u32) through Java's sign-extending widening: raw u32 values 0x80000000..0xFFFFFFFF arrive as -0x80000000..-0x1
    addOne(xatp.space & 0xFFFFFFFFL);
  }
}
