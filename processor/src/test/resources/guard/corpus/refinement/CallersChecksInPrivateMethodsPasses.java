package corpus.refinement;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// a private method whose every call is in its class starts from what its callers know: a check
// in the caller counts where the method it calls uses the field (Xen's common function checking
// the space before its *_one worker), through an object passed, the receiver, a static field,
// a chain of private methods, calls in a lambda, a member class and an initializer

// ALSO STRICT

@AbiStruct(name = "caller_checked_map")
class CallerCheckedMap {
  @U32 public long space;
  @U32 public long idx;
}

class CallersCheckInPrivateMethods {
  static int addOne(@U16 int space) {
    return space;
  }

  static CallerCheckedMap current = new CallerCheckedMap();

  private CallerCheckedMap pending = new CallerCheckedMap();

  int addToPhysmap(CallerCheckedMap op) {
    if (op.space > 0xFFFF) {
      return -22;
    }
    return addToPhysmapOne(op);
  }

  int addToPhysmapTwice(CallerCheckedMap op) {
    if (op.space > 0xFFFF || op.idx > 0xFFFF) {
      return -22;
    }
    return addToPhysmapOne(op) + relay(op);
  }

  private int addToPhysmapOne(CallerCheckedMap op) {
    return addOne((int) op.space);
  }

  // a chain: relay passes the object on, checked by its own callers
  private int relay(CallerCheckedMap op) {
    return idxOne(op);
  }

  private int idxOne(CallerCheckedMap op) {
    return addOne((int) op.idx);
  }

  int fromPending() {
    if (pending.space > 0xFFFF) {
      return -22;
    }
    return pendingOne();
  }

  private int pendingOne() {
    return addOne((int) pending.space);
  }

  static int fromCurrent() {
    if (current.space > 0xFFFF) {
      return -22;
    }
    return currentOne();
  }

  private static int currentOne() {
    return addOne((int) current.space);
  }

  // checked inside the lambda, before the call
  static Runnable later(CallerCheckedMap op) {
    return () -> {
      if (op.idx <= 0xFFFF) {
        lambdaOne(op);
      }
    };
  }

  private static void lambdaOne(CallerCheckedMap op) {
    addOne((int) op.idx);
  }

  // the method writes the field itself before it reads it
  int rewritten(CallerCheckedMap op) {
    return rewrites(op);
  }

  private int rewrites(CallerCheckedMap op) {
    op.space = 7;
    return addOne((int) op.space);
  }

  class Worker {
    int work(CallerCheckedMap op) {
      if (op.space >= 0x10000) {
        throw new IllegalArgumentException("space");
      }
      return workOne(op);
    }
  }

  private int workOne(CallerCheckedMap op) {
    return addOne((int) op.space);
  }

  private final int initial = fromInitializer(checked());

  private static CallerCheckedMap checked() {
    CallerCheckedMap m = new CallerCheckedMap();
    m.space = 1;
    return m;
  }

  private int fromInitializer(CallerCheckedMap op) {
    if (op.space > 0xFFFF) {
      return -22;
    }
    return initializedOne(op);
  }

  private int initializedOne(CallerCheckedMap op) {
    return addOne((int) op.space) + initial;
  }
}
