package corpus.arithmetic;

import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U8;

class Bits {
  static void low16(@U16 int v) {}

  static void low8(@U8 int v) {}

  static void split(@U32 int word, @U32 long wide) {
    low16(word & 0xFFFF);
    low8(0xFF & word);
    low16((int) (wide & 0xFFFF));
  }
}
