package corpus.strict;

// OPTIONS: -Aabiguard.mode=strict

import org.abiguard.U16;
import org.abiguard.U32;

class Scale {
  static void put(@U16 int v) {}

  static void fit(@U32 long value) {
    long x = value;
    while (true) {
      if (x <= 0xFFFF) {
        break;
      }
      x >>>= 1;
    }
    put((int) x);
  }
}
