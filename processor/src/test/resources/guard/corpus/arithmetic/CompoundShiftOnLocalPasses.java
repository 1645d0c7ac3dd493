package corpus.arithmetic;

import org.abiguard.U16;
import org.abiguard.U32;

class Bits {
  static void high16(@U16 int v) {}

  static void split(@U32 int word) {
    int v = word;
    v >>>= 16;
    high16(v);
  }
}
