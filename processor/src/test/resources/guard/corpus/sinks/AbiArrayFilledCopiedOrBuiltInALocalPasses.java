package corpus.sinks;

import java.util.Arrays;
import org.abiguard.AbiArray;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "frame_set")
class FrameSet {
  @U16 @AbiArray(4) public int[] frames;
  @U16 @AbiArray(4) public int[] spare;
  @U32 @AbiArray(4) public int[] wide;
}

class FittingFrameWrites {
  static void fill(FrameSet e, @U32 long gpfn, int plain) {
    Arrays.fill(e.frames, 0xFFFF);
    if (gpfn > 0xFFFF) {
      return;
    }
    Arrays.fill(e.frames, 0, 2, (int) gpfn);
    // a plain value is held to no width in lenient mode, as in a store of one element
    Arrays.fill(e.frames, plain);
  }

  static void copy(FrameSet e, int[] unknown) {
    System.arraycopy(new int[] {0xFFFF}, 0, e.frames, 0, 1);
    System.arraycopy(e.spare, 0, e.frames, 0, 4);
    System.arraycopy(e.frames, 0, e.wide, 0, 4);
    // nothing is known of the elements of an array parameter
    System.arraycopy(unknown, 0, e.frames, 0, 4);
  }

  static void local(FrameSet e, @U16 int port, int[] unknown) {
    int[] t = new int[4];
    t[0] = port;
    t[1] = 0xFFFF;
    e.frames = t;
    int[] u = unknown;
    e.frames = u;
    int[] wide = {0x10000};
    e.wide = wide;
  }
}
