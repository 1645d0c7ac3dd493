package corpus.refinement;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// a call that dispatches keeps a check of a field that no local class of another class that it may
// run writes: a local class of another interface whose method has the same name, a local class's
// method of another name, and a local class whose method writes another field

// ALSO STRICT

@AbiStruct(name = "local_kept_map")
class LocalKeptMap {
  @U32 public long size;
  @U32 public long idx;
}

interface KeptSettle {
  void settle(LocalKeptMap op, long raw);

  void clear();
}

interface OtherSettle {
  void settle(LocalKeptMap op, long raw);

  void clear();
}

final class KeptLocalMakers {
  private KeptLocalMakers() {}

  static OtherSettle anotherInterface() {
    class SizeSettle implements OtherSettle {
      @Override
      public void settle(LocalKeptMap op, long raw) {
        op.size = raw & 0xFFFFFFFFL;
      }

      @Override
      public void clear() {}
    }
    return new SizeSettle();
  }

  static KeptSettle anotherField() {
    class IdxSettle implements KeptSettle {
      @Override
      public void settle(LocalKeptMap op, long raw) {
        op.idx = raw & 0xFFFFFFFFL;
      }

      @Override
      public void clear() {}

      void grow(LocalKeptMap op, long raw) {
        op.size = raw & 0xFFFFFFFFL;
      }
    }
    return new IdxSettle();
  }
}

class CallsThatMayRunLocalClassesThatWriteOtherFields {
  static void take(@U16 int v) {}

  void keepsTheCheck(KeptSettle settle, LocalKeptMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    settle.settle(op, raw);
    settle.clear();
    take((int) op.size);
  }
}
