package corpus.sinks;

import org.abiguard.U16;
import org.abiguard.U32;

class Handles {
  static int open(@U32 int handle) {
    @U16 int slot = handle;
    //              ^[abiguard:narrowing] parameter 'handle' of open (u32) can reach local 'slot' (u16)
    return slot;
  }
}
