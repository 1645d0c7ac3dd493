package corpus.control;

import org.abiguard.U16;
import org.abiguard.U32;

class Deferred {
  static void addOne(@U16 int space) {}

  static Runnable later(@U32 int space) {
    return () -> {
      addOne(space);
      //     ^[abiguard:narrowing] parameter 'space' of later (u32) can reach parameter 'space' of addOne (u16)
    };
  }
}
