package corpus.strict;

// OPTIONS: -Aabiguard.mode=strict

import org.abiguard.U32;
import org.abiguard.U8;

class BoxOfAnotherKind {
  static void order(@U8 int order) {}

  // one branch may give o a Long, the other an Integer only: the Long's intValue() is any int
  static void switchOnOneBranch(@U32 int extent, int kind) {
    Number o = extent & 0xFF;
    if (kind > 2) {
      o =
          switch (kind & 3) {
            case 0 -> extent & 7;
            case 1 -> 0xFFFFFFFFL;
            default -> 0;
          };
    }
    order(o.intValue());
    //              ^[abiguard:narrowing] result of intValue() (s32) can reach parameter 'order' of order (u8)
  }
}
