package corpus.refinement;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// a call keeps a check of a field that it does not write: a method that writes another field, one
// that only reads, a constructor that writes its new object's own fields (of the checked struct's
// class too), and a check made again after the call that wrote the field

// ALSO STRICT

@AbiStruct(name = "kept_map")
class KeptMap {
  @U32 public long size;
  @U32 public long idx;

  KeptMap() {}

  KeptMap(long size) {
    this.size = size & 0xFFFFFFFFL;
    idx = size & 0xFFFFFFFFL;
  }
}

class CallsThatWriteOtherFields {
  static void take(@U16 int v) {}

  void otherField(KeptMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    setIdx(op, raw);
    take((int) op.size);
  }

  private void setIdx(KeptMap op, long raw) {
    op.idx = raw & 0xFFFFFFFFL;
  }

  void onlyReads(KeptMap op) {
    if (op.size > 0xFFFF) {
      return;
    }
    long copy = total(op);
    take((int) op.size);
    take((int) (copy & 0xFFFF));
  }

  static long total(KeptMap op) {
    return op.size + op.idx;
  }

  void newOfTheSameClass(KeptMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    KeptMap fresh = new KeptMap(raw);
    take((int) op.size);
    take((int) (fresh.idx & 0xFFFF));
  }

  void checkedAgain(KeptMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    resize(op, raw);
    if (op.size > 0xFFFF) {
      return;
    }
    take((int) op.size);
  }

  private void resize(KeptMap op, long raw) {
    op.size = raw & 0xFFFFFFFFL;
  }
}
