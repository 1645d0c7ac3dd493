package corpus.sinks;

import org.abiguard.U16;
import org.abiguard.U32;

interface ArchHooks {
  int addToPhysmapOne(@U32 int space, long idx);
}

class X86Hooks implements ArchHooks {
  @Override
  public int addToPhysmapOne(@U16 int space, long idx) {
    //                                ^[abiguard:narrowing] parameter 'space' of addToPhysmapOne (u16) overrides parameter 'space' of ArchHooks.addToPhysmapOne (u32): callers through ArchHooks can pass values 0x10000..0xFFFFFFFF, which would be truncated
    return space;
  }
}
