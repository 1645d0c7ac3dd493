package corpus.refinement;

import java.util.List;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// a call of a method or constructor of the class analysed that writes a checked field forgets
// the check: a private method, an instance method of the receiver's own field, a method that
// writes it through another it calls, a lambda run in the method, a constructor that writes a
// static field or an object passed to it, a write of the static field that holds the struct, a
// closed private method called after such a call; and a call that may run a lambda or method
// reference of the class that writes it: one passed to it (List.forEach), or a functional
// interface's method (Runnable.run, Comparator.compare) where some lambda of the class writes the
// field; a call of an interface's method that a member or anonymous class of the class
// implements by writing it; and a method that writes it through a local that first held a new
// object, then the one passed

// ALSO STRICT

@AbiStruct(name = "written_map")
class WrittenMap {
  @U32 public long size;
  @U32 public long idx;
}

class CallsThatWriteACheckedField {
  static void take(@U16 int v) {}

  static WrittenMap shared = new WrittenMap();

  @U32 static long made;

  private WrittenMap own = new WrittenMap();

  void viaPrivate(WrittenMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    advance(op, raw);
    take((int) op.size);
    //   ^[abiguard:narrowing] field WrittenMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  private void advance(WrittenMap op, long raw) {
    op.size = raw & 0xFFFFFFFFL;
  }

  void viaReceiver(long raw) {
    if (own.size > 0xFFFF) {
      return;
    }
    reset(raw);
    take((int) own.size);
    //   ^[abiguard:narrowing] field WrittenMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  public void reset(long raw) {
    own.size = raw & 0xFFFFFFFFL;
  }

  void viaCallee(WrittenMap op, long raw) {
    if (op.idx > 0xFFFF) {
      return;
    }
    step(op, raw);
    take((int) op.idx);
    //   ^[abiguard:narrowing] field WrittenMap.idx (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void step(WrittenMap op, long raw) {
    bump(op, raw);
  }

  static void bump(WrittenMap op, long raw) {
    op.idx = raw & 0xFFFFFFFFL;
  }

  void viaLambda(WrittenMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    later(op, raw);
    take((int) op.size);
    //   ^[abiguard:narrowing] field WrittenMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void later(WrittenMap op, long raw) {
    Runnable r = () -> op.size = raw & 0xFFFFFFFFL;
    r.run();
  }

  void viaConstructor(WrittenMap op) {
    if (op.idx > 0xFFFF || made > 0xFFFF) {
      return;
    }
    new Filler(op);
    take((int) op.idx);
    //   ^[abiguard:narrowing] field WrittenMap.idx (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
    take((int) made);
    //   ^[abiguard:narrowing] field CallsThatWriteACheckedField.made (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  static final class Filler {
    long seen;

    Filler(WrittenMap op) {
      op.idx = 0x10000;
      seen = op.size;
      made = 0x10000;
    }
  }

  void viaStaticHolder(WrittenMap other) {
    if (shared.size > 0xFFFF) {
      return;
    }
    swap(other);
    take((int) shared.size);
    //   ^[abiguard:narrowing] field WrittenMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  static void swap(WrittenMap other) {
    shared = other;
  }

  void beforeClosed(WrittenMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    advance(op, raw);
    closedUse(op);
  }

  private void closedUse(WrittenMap op) {
    take((int) op.size);
    //   ^[abiguard:narrowing] field WrittenMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void lambdaPassed(WrittenMap op, List<Long> raws) {
    if (op.size > 0xFFFF) {
      return;
    }
    raws.forEach(raw -> op.size = raw & 0xFFFFFFFFL);
    take((int) op.size);
    //   ^[abiguard:narrowing] field WrittenMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  private WrittenMap held = new WrittenMap();

  void referencePassed(List<Long> raws) {
    if (held.idx > 0xFFFF) {
      return;
    }
    raws.forEach(this::setHeldIdx);
    take((int) held.idx);
    //   ^[abiguard:narrowing] field WrittenMap.idx (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void setHeldIdx(long raw) {
    held.idx = raw & 0xFFFFFFFFL;
  }

  void referenceInACallee(List<Long> raws) {
    if (held.idx > 0xFFFF) {
      return;
    }
    applyAll(raws);
    take((int) held.idx);
    //   ^[abiguard:narrowing] field WrittenMap.idx (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  private void applyAll(List<Long> raws) {
    raws.forEach(this::setHeldIdx);
  }

  static void storedThenRun(WrittenMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    Runnable later = () -> op.size = raw & 0xFFFFFFFFL;
    later.run();
    take((int) op.size);
    //   ^[abiguard:narrowing] field WrittenMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  static void comparatorRun(WrittenMap op, long raw) {
    if (op.idx > 0xFFFF) {
      return;
    }
    // Comparator declares equals again beside compare: it is functional all the same
    java.util.Comparator<Long> order =
        (a, b) -> {
          op.idx = raw & 0xFFFFFFFFL;
          return Long.compare(a, b);
        };
    order.compare(1L, 2L);
    take((int) op.idx);
    //   ^[abiguard:narrowing] field WrittenMap.idx (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  interface Step {
    void apply(WrittenMap op, long raw);
  }

  static final class Grow implements Step {
    @Override
    public void apply(WrittenMap op, long raw) {
      op.idx = raw & 0xFFFFFFFFL;
    }
  }

  static void throughAnInterface(WrittenMap op, Step step, long raw) {
    if (op.idx > 0xFFFF) {
      return;
    }
    step.apply(op, raw);
    take((int) op.idx);
    //   ^[abiguard:narrowing] field WrittenMap.idx (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  static void anonymousRun(WrittenMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    Runnable later =
        new Runnable() {
          @Override
          public void run() {
            op.size = raw & 0xFFFFFFFFL;
          }
        };
    later.run();
    take((int) op.size);
    //   ^[abiguard:narrowing] field WrittenMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  static void createdThenReplaced(WrittenMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    replaced(op, raw);
    take((int) op.size);
    //   ^[abiguard:narrowing] field WrittenMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  private static void replaced(WrittenMap op, long raw) {
    WrittenMap target = new WrittenMap();
    if (raw > 0) {
      target = op;
    }
    target.size = raw & 0xFFFFFFFFL;
  }
}
