package corpus.control;

import org.abiguard.U16;
import org.abiguard.U32;

class PhysmapBatch {
  @U16 int size;
  @U32 long nrFrames;
}

// a plain counter built from constants stays a plain value in lenient mode, even when the loop
// compares it with an ABI value: holding it to that bound would report the batch loop below,
// whose `size - done` never goes negative only because done <= size holds on every iteration,
// a relation between two variables that the guard's ranges do not carry
class BatchLoops {
  static long frameGfn(@U16 int frameIndex) {
    return frameIndex;
  }

  static void batch(PhysmapBatch b) {
    int done = 0;
    while (b.size > done) {
      done++;
    }
    b.size = b.size - done;
  }

  static void setup(PhysmapBatch op, long[] out) {
    for (int i = 0; i < op.nrFrames; i++) {
      out[i & 7] = frameGfn(i);
    }
  }
}
