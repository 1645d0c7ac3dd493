package corpus.refinement;

import java.util.List;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// a call of a method or constructor of another class of the compilation that writes a checked
// field forgets the check, as a call of the class's own does: a static method that writes the
// field of an object passed to it, one that writes it through another method it calls, an
// instance method that writes the field of an object it holds, one that writes its own field
// (this.total), a method that writes a static field's field, a constructor that writes an object
// passed to it, a method reference run in the callee, a write through a local that first held a
// new object, then the one passed, a write through a receiver whose type the guard does not know
// (list.get(0).size), which forgets every field of that name, and a call in the callee that the
// parsed source does not resolve exactly (an argument of a generic call), which runs every method
// of its name and argument count

// ALSO STRICT

@AbiStruct(name = "other_written_map")
class OtherWrittenMap {
  @U32 public long size;
  @U32 public long idx;
}

final class Ops {
  private Ops() {}

  static final OtherWrittenMap SHARED = new OtherWrittenMap();

  static void reset(OtherWrittenMap op, long raw) {
    op.size = raw & 0xFFFFFFFFL;
  }

  static void resetThrough(OtherWrittenMap op, long raw) {
    reset(op, raw);
  }

  static void refreshShared(long raw) {
    SHARED.size = raw & 0xFFFFFFFFL;
  }

  static void first(List<OtherWrittenMap> ops, long raw) {
    ops.get(0).size = raw & 0xFFFFFFFFL;
  }

  static void resetFirst(List<OtherWrittenMap> ops, long raw) {
    reset(ops.get(0), raw);
  }

  static void eachFromIdx(List<OtherWrittenMap> ops) {
    ops.forEach(Ops::sizeFromIdx);
  }

  private static void sizeFromIdx(OtherWrittenMap op) {
    op.size = op.idx;
  }

  static void replaced(OtherWrittenMap op, long raw) {
    OtherWrittenMap target = new OtherWrittenMap();
    if (raw > 0) {
      target = op;
    }
    target.size = raw & 0xFFFFFFFFL;
  }
}

final class Keeper {
  private final OtherWrittenMap held;

  Keeper(OtherWrittenMap held) {
    this.held = held;
  }

  void set(long raw) {
    held.size = raw & 0xFFFFFFFFL;
  }
}

final class Counter {
  @U32 long total;

  void add(long raw) {
    this.total = raw & 0xFFFFFFFFL;
  }
}

final class Resetter {
  Resetter(OtherWrittenMap op, long raw) {
    op.idx = raw & 0xFFFFFFFFL;
  }
}

class CallsOfOtherClassesThatWriteACheckedField {
  static void take(@U16 int v) {}

  void direct(OtherWrittenMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    Ops.reset(op, raw);
    take((int) op.size);
    //   ^[abiguard:narrowing] field OtherWrittenMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void through(OtherWrittenMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    Ops.resetThrough(op, raw);
    take((int) op.size);
    //   ^[abiguard:narrowing] field OtherWrittenMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void held(OtherWrittenMap op, long raw) {
    Keeper keeper = new Keeper(op);
    if (op.size > 0xFFFF) {
      return;
    }
    keeper.set(raw);
    take((int) op.size);
    //   ^[abiguard:narrowing] field OtherWrittenMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void ownField(Counter counter, long raw) {
    if (counter.total > 0xFFFF) {
      return;
    }
    counter.add(raw);
    take((int) counter.total);
    //   ^[abiguard:narrowing] field Counter.total (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void staticField(long raw) {
    if (Ops.SHARED.size > 0xFFFF) {
      return;
    }
    Ops.refreshShared(raw);
    take((int) Ops.SHARED.size);
    //   ^[abiguard:narrowing] field OtherWrittenMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void constructor(OtherWrittenMap op, long raw) {
    if (op.idx > 0xFFFF) {
      return;
    }
    new Resetter(op, raw);
    take((int) op.idx);
    //   ^[abiguard:narrowing] field OtherWrittenMap.idx (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void methodReference(OtherWrittenMap op, List<OtherWrittenMap> ops) {
    if (op.size > 0xFFFF) {
      return;
    }
    Ops.eachFromIdx(ops);
    take((int) op.size);
    //   ^[abiguard:narrowing] field OtherWrittenMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void receiverNotKnown(OtherWrittenMap op, List<OtherWrittenMap> ops, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    Ops.first(ops, raw);
    take((int) op.size);
    //   ^[abiguard:narrowing] field OtherWrittenMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void createdThenReplaced(OtherWrittenMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    Ops.replaced(op, raw);
    take((int) op.size);
    //   ^[abiguard:narrowing] field OtherWrittenMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void callNotResolvedExactly(OtherWrittenMap op, List<OtherWrittenMap> ops, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    Ops.resetFirst(ops, raw);
    take((int) op.size);
    //   ^[abiguard:narrowing] field OtherWrittenMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}
