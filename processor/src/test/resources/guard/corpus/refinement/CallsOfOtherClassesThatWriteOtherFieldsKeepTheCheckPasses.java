package corpus.refinement;

import java.nio.ByteBuffer;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// a call of another class's method keeps a check of a field it does not write: one that writes
// another field, one that only reads, one that writes a field of the same name of another class,
// one that fills a new object it made (a copy; the generated marshaller's read), one that writes
// a static field of its own class, a generated marshaller's write, and a check made again after
// the call that wrote the field

// ALSO STRICT

@AbiStruct(name = "other_kept_map")
class OtherKeptMap {
  @U32 public long size;
  @U32 public long idx;
}

final class KeptOps {
  private KeptOps() {}

  static OtherKeptMap last;

  static void touchIdx(OtherKeptMap op, long raw) {
    op.idx = raw & 0xFFFFFFFFL;
  }

  static long peek(OtherKeptMap op) {
    return op.size + op.idx;
  }

  static OtherKeptMap copy(OtherKeptMap op) {
    OtherKeptMap out = new OtherKeptMap();
    out.size = op.size;
    out.idx = op.idx;
    return out;
  }

  static void remember(OtherKeptMap op) {
    last = op;
  }

  static void reset(OtherKeptMap op, long raw) {
    op.size = raw & 0xFFFFFFFFL;
  }
}

final class Sized {
  long size;

  void set(long raw) {
    this.size = raw;
  }
}

class CallsOfOtherClassesThatWriteOtherFields {
  static void take(@U16 int v) {}

  void otherField(OtherKeptMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    KeptOps.touchIdx(op, raw);
    take((int) op.size);
  }

  void reads(OtherKeptMap op) {
    if (op.size > 0xFFFF) {
      return;
    }
    take((int) (KeptOps.peek(op) & 0xFFFF));
    take((int) op.size);
  }

  void sameNameOfAnotherClass(OtherKeptMap op, Sized sized, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    sized.set(raw);
    take((int) op.size);
  }

  void freshObjects(OtherKeptMap op, ByteBuffer buf) {
    if (op.size > 0xFFFF) {
      return;
    }
    OtherKeptMap copied = KeptOps.copy(op);
    OtherKeptMap read = OtherKeptMapMarshaller.read(buf, 0);
    KeptOps.remember(op);
    OtherKeptMapMarshaller.write(op, buf, 0);
    take((int) op.size);
    take((int) (copied.idx + read.idx) & 0xFFFF);
  }

  void checkedAgain(OtherKeptMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    KeptOps.reset(op, raw);
    if (op.size > 0xFFFF) {
      return;
    }
    take((int) op.size);
  }
}
