package corpus.patterns;

// JAVA: 21

import org.abiguard.AbiArray;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "gfn_batch")
record GfnBatch(@U32 @AbiArray(2) long[] gfns) {}

// a record pattern's array binding is the component's array, with its width
class GfnBatches {
  static void one(@U16 int frame) {}

  static void first(Object o) {
    if (o instanceof GfnBatch(long[] gfns)) {
      one((int) gfns[0]);
      //  ^[abiguard:narrowing] element of record component GfnBatch.gfns (u32) can reach parameter 'frame' of one (u16): values 0x10000..0xFFFFFFFF would be truncated
    }
  }
}
