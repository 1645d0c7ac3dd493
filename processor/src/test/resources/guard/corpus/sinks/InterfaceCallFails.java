package corpus.sinks;

import org.abiguard.U16;
import org.abiguard.U32;

interface ArchHooks {
  int addToPhysmapOne(@U16 int space, long idx);
}

class CommonPhysmap {
  static int add(ArchHooks arch, @U32 int space, long idx) {
    return arch.addToPhysmapOne(space, idx);
    //                          ^[abiguard:narrowing] parameter 'space' of add (u32) can reach parameter 'space' of addToPhysmapOne (u16)
  }
}
