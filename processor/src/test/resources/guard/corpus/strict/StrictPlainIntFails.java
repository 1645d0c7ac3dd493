package corpus.strict;

// OPTIONS: -Aabiguard.mode=strict

import org.abiguard.U16;

class Console {
  static void write(@U16 int length) {}

  static void print(String s, int extra) {
    write(s.length());
    //            ^[abiguard:narrowing] result of length() (s32) can reach parameter 'length' of write (u16)
    write(extra);
    //    ^[abiguard:narrowing] parameter 'extra' of print (s32) can reach parameter 'length' of write (u16)
  }
}
