package corpus.sinks;

import org.abiguard.U16;
import org.abiguard.U32;

interface SpaceHandler {
  int handle(@U32 int space);
}

class Dispatch {
  static int addOne(@U16 int space) {
    return space;
  }

  static SpaceHandler handler() {
    return space -> addOne(space);
    //                     ^[abiguard:narrowing] parameter 'space' of handle (u32) can reach parameter 'space' of addOne (u16)
  }
}
