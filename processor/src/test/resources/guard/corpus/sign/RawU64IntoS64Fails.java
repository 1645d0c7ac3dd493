package corpus.sign;

import org.abiguard.S64;
import org.abiguard.U64;

class Time {
  static void setOffset(@S64 long offset) {}

  static void sync(@U64 long systemTime) {
    setOffset(systemTime);
    //        ^[abiguard:narrowing] parameter 'systemTime' of sync (u64) can reach parameter 'offset' of setOffset (s64): values 0x8000000000000000..0xFFFFFFFFFFFFFFFF would turn negative
    setOffset(systemTime >>> 1);
  }
}
