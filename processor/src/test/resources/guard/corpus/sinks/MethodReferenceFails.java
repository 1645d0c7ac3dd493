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

  static int addWide(@U32 int space) {
    return 0;
  }

  static SpaceHandler[] handlers() {
    SpaceHandler ok = Dispatch::addWide;
    SpaceHandler bad = Dispatch::addOne;
    //                 ^[abiguard:narrowing] parameter 'space' of handle (u32) can reach parameter 'space' of addOne (u16) through method reference Dispatch::addOne
    return new SpaceHandler[] {ok, bad};
  }
}
