package corpus.refinement;

import java.util.List;
import java.util.function.LongSupplier;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// a call keeps a check of a field that it does not write: a method that writes another field, one
// that only reads, a constructor that writes its new object's own fields (of the checked struct's
// class too), a check made again after the call that wrote the field, a lambda passed that writes
// another field, a functional interface's method where no lambda of the class writes the field,
// an interface's method that runs no function (List.size), and a method that writes the field
// only of an object it created in a local (a copy)

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

  void lambdaOfAnotherField(KeptMap op, List<Long> raws) {
    if (op.size > 0xFFFF) {
      return;
    }
    raws.forEach(raw -> op.idx = raw & 0xFFFFFFFFL);
    take((int) op.size);
  }

  void functionalCall(KeptMap op, LongSupplier next, List<Long> raws) {
    if (op.size > 0xFFFF || raws.size() > 4) {
      return;
    }
    long got = next.getAsLong();
    take((int) op.size);
    take((int) (got & 0xFFFF));
  }

  void copied(KeptMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    KeptMap made = sized(raw);
    take((int) op.size);
    take((int) (made.idx & 0xFF));
  }

  private static KeptMap sized(long raw) {
    KeptMap made = new KeptMap();
    made.size = raw & 0xFFFFFFFFL;
    (made).idx = made.size;
    return made;
  }
}
