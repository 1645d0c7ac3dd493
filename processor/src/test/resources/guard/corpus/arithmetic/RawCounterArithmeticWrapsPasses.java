package corpus.arithmetic;

import org.abiguard.NativeLong;
import org.abiguard.U32;
import org.abiguard.U64;

class AddToPhysmapBatch {
  @NativeLong long idx;
  @U64 long gpfn;
  @U32 int count;
}

// arithmetic on raw bits of the Java type's own size wraps in Java as it does in C: a compound
// assignment or an increment is held to the same rule as x = x + 1
class PhysmapBatchLoop {
  static void advance(AddToPhysmapBatch xatp) {
    xatp.idx++;
    xatp.gpfn++;
    xatp.gpfn += 1;
    xatp.count++;
    xatp.count *= 2;
    xatp.count -= 3;
  }

  static void advanceSpelledOut(AddToPhysmapBatch xatp) {
    xatp.idx = xatp.idx + 1;
    xatp.gpfn = xatp.gpfn + 1;
    xatp.count = xatp.count * 2;
  }
}
