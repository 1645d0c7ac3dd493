package corpus.sinks;

import org.abiguard.AbiBits;
import org.abiguard.AbiStruct;
import org.abiguard.U8;

@AbiStruct(name = "ioreq_flags")
class IoreqFlags {
  @U8 @AbiBits(4) int state;
  @U8 @AbiBits(1) int dir;
}

class Ioreq {
  static void set(IoreqFlags f, @U8 int state, int masked) {
    f.state = state;
    //        ^[abiguard:narrowing] parameter 'state' of set (u8) can reach field IoreqFlags.state (u4): values 0x10..0xFF would be truncated
    f.state = masked & 0xF;
  }

  static void copy(IoreqFlags from, IoreqFlags to) {
    to.dir = from.state;
    //           ^[abiguard:narrowing] field IoreqFlags.state (u4) can reach field IoreqFlags.dir (u1): values 0x2..0xF would be truncated
  }
}
