package corpus.strict;

// OPTIONS: -Aabiguard.mode=strict

import org.abiguard.S32;
import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U64;

// when one operand of Math.min gives the upper bound and the other the lower, the values lost
// below come from the other: the message names both
class ReadWindow {
  static void put16(@U16 int v) {}

  static @S32 int read(@U64 long offset, int count) {
    if (count < 0) {
      return -22;
    }
    long avail = 4096 - offset;
    return (int) Math.min(avail, count);
    //     ^[abiguard:narrowing] Math.min of expression `4096 - offset` and parameter 'count' of read (s32) can reach return value of read (s32): values -0x8000000000000000..-0x80000001 would be truncated
  }

  // a constant that clamps a value leaves the value's name
  static void clamped(@U32 long size) {
    put16((int) Math.min(size, 0xFFFF));
    put16((int) Math.max(size, 0x10));
    //    ^[abiguard:narrowing] parameter 'size' of clamped (u32) can reach parameter 'v' of put16 (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}
