package corpus.arithmetic;

import org.abiguard.AbiStruct;
import org.abiguard.S16;
import org.abiguard.S8;
import org.abiguard.U16;

/**
 * A cast keeps the values it cannot hold and gains what Java's wrap-around makes of them: a
 * negative value made a char is large, a u16 made a byte is negative once widened, and a value
 * derived from an ABI field keeps that origin through a negation, so that a loop that accumulates
 * it is held to its Java type's range.
 */
@AbiStruct(name = "sample")
class Sample {
  @S16 int level;
  @U16 int count;
}

class Wraps {
  static void signed(@S16 int value) {}

  static void tiny(@S8 int value) {}

  static void count(@U16 int value) {}

  static void show(Sample s, int times) {
    signed((char) s.level);
    //     ^[abiguard:narrowing] field Sample.level (s16) can reach parameter 'value' of signed (s16): values 0x8000..0xFFFF would turn negative
    tiny((char) -1);
    //   ^[abiguard:narrowing] constant -0x1 can reach parameter 'value' of tiny (s8): values 0x80..0xFFFF would be truncated
    count((byte) s.count >> 8);
    //                   ^[abiguard:sign] expression `(byte) s.count >> 8` can reach parameter 'value' of count (u16): negative values -0x1 would become huge u16 values
    int total = 0;
    for (int i = 0; i < times; i++) {
      total += -s.level;
    }
    count(total);
    //    ^[abiguard:narrowing] expression `total + -s.level` can reach parameter 'value' of count (u16): values -0x80000000..-0x1 and 0x10000..0x7FFFFFFF would be truncated
  }
}
