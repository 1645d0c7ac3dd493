package corpus.arithmetic;

import org.abiguard.U16;
import org.abiguard.U32;

class Bits {
  static void low16(@U16 int v) {}

  static void split(@U32 int word) {
    low16(word & 0x1FFFF);
    //         ^[abiguard:narrowing] expression `word & 0x1FFFF` can reach parameter 'v' of low16 (u16): values 0x10000..0x1FFFF would be truncated
  }
}
