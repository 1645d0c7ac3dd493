package corpus.abis;

// OPTIONS: -Aabiguard.abis=i386

import org.abiguard.NativeLong;
import org.abiguard.U32;

class Extents32 {
  @NativeLong long idx;

  static void one(@U32 long idx) {}

  static void run(Extents32 t) {
    one(t.idx);
  }
}
