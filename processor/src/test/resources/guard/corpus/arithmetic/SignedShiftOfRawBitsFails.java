package corpus.arithmetic;

import org.abiguard.U16;
import org.abiguard.U32;

class Bits {
  static void high16(@U16 int v) {}

  static void split(@U32 int word) {
    high16(word >> 16);
    //          ^[abiguard:sign] expression `word >> 16` can reach parameter 'v' of high16 (u16): negative values -0x8000..-0x1 would become huge u16 values
  }
}
