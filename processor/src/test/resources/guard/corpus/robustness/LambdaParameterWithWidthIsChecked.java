package corpus.robustness;

import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import org.abiguard.U16;
import org.abiguard.U32;

class Callbacks {
  static int addOne(@U32 int space) {
    return space;
  }

  static void put(@U16 int v) {}

  static void register(@U16 int domid) {
    IntUnaryOperator f = (@U32 int space) -> addOne(space);
    IntConsumer g = (@U32 int space) -> put(space);
    //                                      ^[abiguard:narrowing] lambda parameter 'space' (u32) can reach parameter 'v' of put (u16): values 0x10000..0xFFFFFFFF would be truncated
    put(domid);
  }
}
