package corpus.control;

import org.abiguard.Abi;
import org.abiguard.AbiArray;
import org.abiguard.AbiStruct;
import org.abiguard.U16;

@AbiStruct(name = "gnttab_copy_batch2")
class CopyBatch2 {
  @AbiArray(8) @U16 int[] len;
}

class CheckedCopier {
  static void account(@U16 int bytes) {}

  static boolean copyAll(CopyBatch2 b) {
    int total = 0;
    for (int i = 0; i < 8; i++) {
      total += b.len[i];
    }
    if (total < 0 || total > 0xFFFF) {
      return false;
    }
    account(total);
    long bytes = 0;
    for (int i = 0; i < 8; i++) {
      bytes += b.len[i];
    }
    account(Abi.checkU16(bytes));
    int count = 0;
    for (int i = 0; i < 8; i++) {
      if (b.len[i] != 0) {
        count++;
      }
    }
    account(count);
    return true;
  }
}
