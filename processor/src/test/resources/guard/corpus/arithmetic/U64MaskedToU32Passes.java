package corpus.arithmetic;

import org.abiguard.U32;
import org.abiguard.U64;

class Frames {
  static void low(@U32 long v) {}

  static void high(@U32 long v) {}

  static void split(@U64 long gpfn) {
    low(gpfn & 0xFFFFFFFFL);
    high(gpfn >>> 32);
  }
}
