package corpus.sources;

import org.abiguard.U16;
import org.abiguard.U32;

// the width of a varargs parameter is its elements': a source when they are read, a sink when
// they are written
class VarargsFrames {
  static void one(@U16 int frame) {}

  static void first(@U32 long... gfns) {
    one((int) gfns[0]);
    //  ^[abiguard:narrowing] element of parameter 'gfns' of first (u32) can reach parameter 'frame' of one (u16): values 0x10000..0xFFFFFFFF would be truncated
    for (long gfn : gfns) {
      one((int) gfn);
      //  ^[abiguard:narrowing] element of parameter 'gfns' of first (u32) can reach parameter 'frame' of one (u16): values 0x10000..0xFFFFFFFF would be truncated
    }
  }

  static void reuse(@U16 int... frames) {
    for (int frame : frames) {
      one(frame);
    }
    frames[0] = 0x10000;
    //          ^[abiguard:narrowing] constant 0x10000 can reach element of parameter 'frames' of reuse (u16): values 0x10000 would be truncated
  }
}
