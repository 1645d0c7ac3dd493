package corpus.control;

import java.util.function.Supplier;
import org.abiguard.U16;
import org.abiguard.U32;

class Deferred {
  static int addOne(@U16 int space) {
    return space;
  }

  static Supplier<Supplier<Integer>> later(@U32 int space) {
    return () -> () -> addOne(space);
    //                        ^[abiguard:narrowing] parameter 'space' of later (u32) can reach parameter 'space' of addOne (u16)
  }
}
