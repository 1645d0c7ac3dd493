package corpus.refinement;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// a call that dispatches may run a method of a class that no named class has as a member, declared
// in another class's code, once an object of it has left there: a local class, a local record, a
// local enum's constant, and a member class of an anonymous class; each writes a field the caller
// checked, and the call forgets the check

// ALSO STRICT

@AbiStruct(name = "local_written_map")
class LocalWrittenMap {
  @U32 public long size;
  @U32 public long idx;
}

interface Settle {
  void settle(LocalWrittenMap op, long raw);

  void clear();
}

interface Store {
  void store(LocalWrittenMap op, long raw);

  void clear();
}

interface Sweep {
  void sweep(LocalWrittenMap op, long raw);

  void clear();
}

interface Factory {
  Store make();
}

final class LocalMakers {
  private LocalMakers() {}

  static Settle localClass() {
    class GrowingSettle implements Settle {
      @Override
      public void settle(LocalWrittenMap op, long raw) {
        op.size = raw & 0xFFFFFFFFL;
      }

      @Override
      public void clear() {}
    }
    return new GrowingSettle();
  }

  static Store localRecord(long extra) {
    record GrowingStore(long extra) implements Store {
      @Override
      public void store(LocalWrittenMap op, long raw) {
        op.idx = (raw + extra) & 0xFFFFFFFFL;
      }

      @Override
      public void clear() {}
    }
    return new GrowingStore(extra);
  }

  static Sweep localEnum() {
    enum Sweeps implements Sweep {
      WIDE {
        @Override
        public void sweep(LocalWrittenMap op, long raw) {
          op.size = raw & 0xFFFFFFFFL;
        }
      };

      @Override
      public void clear() {}
    }
    return Sweeps.WIDE;
  }

  static final Factory FACTORY =
      new Factory() {
        final class InnerStore implements Store {
          @Override
          public void store(LocalWrittenMap op, long raw) {
            op.size = raw & 0xFFFFFFFFL;
          }

          @Override
          public void clear() {}
        }

        @Override
        public Store make() {
          return new InnerStore();
        }
      };
}

class CallsThatMayRunLocalClassesOfOtherClasses {
  static void take(@U16 int v) {}

  void localClass(Settle settle, LocalWrittenMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    settle.settle(op, raw);
    take((int) op.size);
    //   ^[abiguard:narrowing] field LocalWrittenMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void localRecord(Store store, LocalWrittenMap op, long raw) {
    if (op.idx > 0xFFFF) {
      return;
    }
    store.store(op, raw);
    take((int) op.idx);
    //   ^[abiguard:narrowing] field LocalWrittenMap.idx (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void localEnumConstant(Sweep sweep, LocalWrittenMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    sweep.sweep(op, raw);
    take((int) op.size);
    //   ^[abiguard:narrowing] field LocalWrittenMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void memberOfAnAnonymousClass(Store store, LocalWrittenMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    store.store(op, raw);
    take((int) op.size);
    //   ^[abiguard:narrowing] field LocalWrittenMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}
