package corpus.strict;

// OPTIONS: -Aabiguard.mode=strict

import org.abiguard.U16;

class Counter {
  int count;
  short small;

  static void put(@U16 int v) {}

  void flush() {
    put(count);
    //  ^[abiguard:narrowing] field Counter.count (s32) can reach parameter 'v' of put (u16)
    put(small & 0xFFFF);
  }
}
