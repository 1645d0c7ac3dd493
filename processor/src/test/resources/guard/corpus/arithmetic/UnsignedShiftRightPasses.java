package corpus.arithmetic;

import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U64;

class Bits {
  static void high16(@U16 int v) {}

  static void high32(@U32 long v) {}

  static void split(@U32 int word, @U64 long gpfn) {
    high16(word >>> 16);
    high32(gpfn >>> 32);
  }
}
