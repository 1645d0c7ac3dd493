package corpus.sinks;

import org.abiguard.U16;
import org.abiguard.U32;

interface ArchHooks {
  int addToPhysmapOne(@U16 int space, long idx);
}

class X86Hooks implements ArchHooks {
  @Override
  public int addToPhysmapOne(@U16 int space, long idx) {
    return space;
  }
}

class ArmHooks implements ArchHooks {
  @Override
  public int addToPhysmapOne(@U32 int space, long idx) {
    return 0;
  }
}
