package corpus.control;

import org.abiguard.U16;
import org.abiguard.U32;

class GrantCopy {
  static void release(@U16 int ref) {}

  static void copy(int[] frames) {
    frames[0] = frames[1];
  }

  static void run(@U32 int gref, int[] frames) {
    int ref = 0;
    try {
      try {
        copy(frames);
      } finally {
        ref = gref;
      }
      ref = 0;
    } catch (RuntimeException e) {
      release(ref);
      //      ^[abiguard:narrowing] parameter 'gref' of run (u32) can reach parameter 'ref' of release (u16)
    }
  }
}
