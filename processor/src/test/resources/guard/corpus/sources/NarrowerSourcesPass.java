package corpus.sources;

import org.abiguard.S16;
import org.abiguard.S32;
import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U8;

class Widening {
  static void takeU32(@U32 long v) {}

  static void takeS32(@S32 int v) {}

  static void copy(@U8 int flags, @U16 char port, @S16 short delta, @U16 int domid) {
    takeU32(flags);
    takeU32(port);
    takeU32(domid);
    takeS32(delta);
    takeS32(port);
  }
}
