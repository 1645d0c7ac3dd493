package corpus.sinks;

import org.abiguard.AbiArray;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "slot_batch_rec")
record SlotBatchRecord(@U16 @AbiArray(2) int[] slots, @U32 @AbiArray(2) long[] gfns) {}

class SlotBatchRecords {
  static void one(@U16 int slot) {}

  static void wide(@U32 long gfn) {}

  static SlotBatchRecord checked(SlotBatchRecord b, @U32 long gfn) {
    one(b.slots()[0]);
    wide(b.gfns()[1]);
    if (gfn > 0xFFFF) {
      return b;
    }
    b.slots()[1] = (int) gfn;
    int[] t = {(int) gfn, 0xFFFF};
    return new SlotBatchRecord(t, new long[] {gfn, 0xFFFFFFFFL});
  }
}
