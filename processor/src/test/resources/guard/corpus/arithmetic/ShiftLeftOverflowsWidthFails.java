package corpus.arithmetic;

import org.abiguard.U16;
import org.abiguard.U8;

class Bits {
  static void put16(@U16 int v) {}

  static void join(@U8 int high, @U8 int low) {
    put16(high << 8 | low);
    put16(high << 9);
    //         ^[abiguard:narrowing] expression `high << 9` can reach parameter 'v' of put16 (u16): values 0x10000..0x1FE00 would be truncated
  }
}
