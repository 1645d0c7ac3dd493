package corpus.sign;

import org.abiguard.U32;
import org.abiguard.U64;

class Masks {
  @U32 int all = 0xFFFFFFFF;
  @U64 long almostAll = 0xFFFFFFFFFFFFFFFEL;

  static void set(@U32 int v) {}

  static void set64(@U64 long v) {}

  void run() {
    set(0x80000000);
    set(037777777777);
    set64(0x8000000000000000L);
    @U32 int ones = 0b11111111111111111111111111111111;
    all = ones;
    almostAll = 0xFFFFFFFFFFFFFFFFL;
  }
}
