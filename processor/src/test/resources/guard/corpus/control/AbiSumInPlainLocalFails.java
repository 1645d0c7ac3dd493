package corpus.control;

import org.abiguard.AbiArray;
import org.abiguard.AbiStruct;
import org.abiguard.U16;

@AbiStruct(name = "gnttab_copy_batch")
class CopyBatch {
  @AbiArray(8) @U16 int[] len;
}

class Copier {
  static void account(@U16 int bytes) {}

  static void copyAll(CopyBatch b) {
    int total = 0;
    for (int i = 0; i < 8; i++) {
      total += b.len[i];
    }
    account(total);
    //      ^[abiguard:narrowing] expression `total + b.len[i]` can reach parameter 'bytes' of account (u16): values -0x80000000..-0x1 and 0x10000..0x7FFFFFFF would be truncated
  }
}
