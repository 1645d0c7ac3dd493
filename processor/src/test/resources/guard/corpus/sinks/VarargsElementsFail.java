package corpus.sinks;

import org.abiguard.U16;
import org.abiguard.U32;

class Multicall {
  static void batch(String name, @U16 int... domids) {}

  static void run(@U32 int target) {
    batch("pause", 0, 1, 2);
    batch("pause", 0, target);
    //                ^[abiguard:narrowing] parameter 'target' of run (u32) can reach varargs parameter 'domids' of batch (u16)
    batch("none", new int[] {target});
    //                       ^[abiguard:narrowing] parameter 'target' of run (u32) can reach varargs parameter 'domids' of batch (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}
