package corpus.sinks;

import org.abiguard.AbiArray;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "frame_batch_rec")
record FrameBatchRecord(@U16 @AbiArray(2) int[] frames, @U32 @AbiArray(2) long[] gfns) {}

// an array component of a record has its width on its elements, read through the accessor,
// written through it, or given to the constructor
class FrameBatchRecords {
  static void one(@U16 int frame) {}

  static void read(FrameBatchRecord b) {
    one((int) b.gfns()[0]);
    //  ^[abiguard:narrowing] element of record component FrameBatchRecord.gfns (u32) can reach parameter 'frame' of one (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  static void write(FrameBatchRecord b, @U32 long gfn) {
    b.frames()[1] = (int) gfn;
    //              ^[abiguard:narrowing] parameter 'gfn' of write (u32) can reach element of record component FrameBatchRecord.frames (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  static FrameBatchRecord make(@U32 long gfn) {
    return new FrameBatchRecord(new int[] {(int) gfn, 0}, new long[2]);
    //                                     ^[abiguard:narrowing] parameter 'gfn' of make (u32) can reach element of record component FrameBatchRecord.frames (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  static FrameBatchRecord fromLocal(@U32 long gfn) {
    int[] t = new int[2];
    t[0] = (int) gfn;
    //     ^[abiguard:narrowing] parameter 'gfn' of fromLocal (u32) can reach element of record component FrameBatchRecord.frames (u16), through local array t (given to the record on line 35): values 0x10000..0xFFFFFFFF would be truncated
    return new FrameBatchRecord(t, new long[2]);
  }
}
