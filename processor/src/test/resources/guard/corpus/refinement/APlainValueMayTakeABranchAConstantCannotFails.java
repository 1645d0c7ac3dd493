package corpus.refinement;

import org.abiguard.AbiStruct;
import org.abiguard.S16;
import org.abiguard.U8;

/**
 * In lenient mode a value that is a constant on one path and a plain value (no fact) on another
 * is held to the constant at a sink, but a check cannot prove a branch impossible from it: the
 * plain value may take the branch, and what the branch does is checked.
 */
@AbiStruct(name = "sample")
class Sample {
  @S16 int level;
}

class Levels {
  static void put(@U8 int value) {}

  static int plain() {
    return 5;
  }

  static void show(Sample s, boolean fresh) {
    int n = 0;
    if (fresh) {
      n = plain();
    }
    if (n > 3) {
      put(s.level);
      //   ^[abiguard:narrowing] field Sample.level (s16) can reach parameter 'value' of put (u8): values -0x8000..-0x1 and 0x100..0x7FFF would be truncated
    }
    int m = 0;
    if (m > 3) {
      put(s.level);
    }
  }
}
