package corpus.refinement;

import org.abiguard.S16;
import org.abiguard.S32;

// -0x80000000 is int's own smallest value, as Java computes the negation: the case holds x to it
class SmallestIntCase {
  static void level(@S16 int v) {}

  static void run(@S32 int x) {
    switch (x) {
      case -0x80000000:
        level(x);
        //    ^[abiguard:narrowing] parameter 'x' of run (s32) can reach parameter 'v' of level (s16): values -0x80000000 would be truncated
        break;
      case -5:
        level(x);
        break;
      default:
        break;
    }
  }
}
