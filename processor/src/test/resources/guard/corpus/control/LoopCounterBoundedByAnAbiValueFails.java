package corpus.control;

import org.abiguard.U16;
import org.abiguard.U32;

class SetupTable {
  @U32 long nrFrames;
  @U16 int nrSlots;
}

// a plain counter compared with an ABI value takes that bound, in lenient mode as in strict
class GrantTableSetup {
  static long frameGfn(@U16 int frameIndex) {
    return frameIndex;
  }

  static void setup(SetupTable op, long[] out) {
    for (int i = 0; i < op.nrFrames; i++) {
      out[i & 7] = frameGfn(i);
      //                    ^[abiguard:narrowing] expression `i + 1` can reach parameter 'frameIndex' of frameGfn (u16): values -0x80000000..-0x1 and 0x10000..0x7FFFFFFF would be truncated
    }
  }

  // bounded by a u16, the counter fits
  static void slots(SetupTable op, long[] out) {
    for (int i = 0; i < op.nrSlots; i++) {
      out[i & 7] = frameGfn(i);
    }
  }
}
