package corpus.strict;

// OPTIONS: -Aabiguard.mode=strict

import java.util.Arrays;
import org.abiguard.AbiArray;
import org.abiguard.AbiStruct;
import org.abiguard.U16;

@AbiStruct(name = "gfn_batch")
class GfnBatch {
  @U16 @AbiArray(2) public int[] gfns;
}

// in strict mode a copy of an @AbiArray is not an array of unknown contents: it holds what the
// array it was copied from holds, and zeros
class GfnCopies {
  static void cloned(GfnBatch e, GfnBatch f) {
    int[] t = f.gfns.clone();
    e.gfns = t;
    e.gfns = f.gfns.clone();
  }

  static void copiedOf(GfnBatch e, GfnBatch f) {
    e.gfns = Arrays.copyOf(f.gfns, 2);
    e.gfns = Arrays.copyOfRange(f.gfns, 0, 2);
  }

  static void copiedThenWritten(GfnBatch e, GfnBatch f, @U16 int gfn) {
    int[] t = Arrays.copyOf(f.gfns, 2);
    t[1] = gfn;
    e.gfns = t;
  }
}
