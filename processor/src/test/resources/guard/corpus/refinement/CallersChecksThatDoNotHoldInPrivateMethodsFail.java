package corpus.refinement;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.function.IntSupplier;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// a private method's start is the join of what every call passes in: one call without the
// check, a write between the check and the call, a method reference (calls the guard cannot
// see), a method that calls itself (or calls a method that calls it), a varargs method, a call in
// a body that mentions no width, a loop that writes the field after the call, another object's
// field, a call in an anonymous class without the check, an initializer's call, a method
// something outside the class calls too (a framework's hook, serialization's readObject), and a
// check too wide

// ALSO STRICT

@AbiStruct(name = "caller_unchecked_map")
class CallerUncheckedMap {
  @U32 public long space;
  @U32 public long idx;
}

class CallersChecksThatDoNotHold {
  static int addOne(@U16 int space) {
    return space;
  }

  private CallerUncheckedMap pending = new CallerUncheckedMap();

  int checked(CallerUncheckedMap op) {
    if (op.space > 0xFFFF) {
      return -22;
    }
    return one(op);
  }

  int unchecked(CallerUncheckedMap op) {
    return one(op);
  }

  private int one(CallerUncheckedMap op) {
    return addOne((int) op.space);
    //            ^[abiguard:narrowing] field CallerUncheckedMap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  int writtenBetween(CallerUncheckedMap op, long raw) {
    if (op.idx > 0xFFFF) {
      return -22;
    }
    op.idx = raw & 0xFFFFF;
    return idxOne(op);
  }

  private int idxOne(CallerUncheckedMap op) {
    return addOne((int) op.idx);
    //            ^[abiguard:narrowing] field CallerUncheckedMap.idx (u32) as the calls of idxOne pass it can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFF would be truncated
  }

  IntSupplier referenced(CallerUncheckedMap op) {
    if (op.space > 0xFFFF) {
      return () -> -22;
    }
    return () -> refOne(op) + java.util.stream.Stream.of(op).mapToInt(this::refOne).sum();
  }

  private int refOne(CallerUncheckedMap op) {
    return addOne((int) op.space);
    //            ^[abiguard:narrowing] field CallerUncheckedMap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  int recursive(CallerUncheckedMap op) {
    if (op.space > 0xFFFF) {
      return -22;
    }
    return countDown(op, 3);
  }

  private int countDown(CallerUncheckedMap op, int n) {
    if (n == 0) {
      return addOne((int) op.space);
      //            ^[abiguard:narrowing] field CallerUncheckedMap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    }
    op.space ^= 0x10000;
    return countDown(op, n - 1);
  }

  // mentions no width: its call passes what the fields declare
  void plain(CallerUncheckedMap op) {
    plainOne(op);
  }

  void plainChecked(CallerUncheckedMap op) {
    if (op.idx <= 0xFFFF) {
      plainOne(op);
    }
  }

  private void plainOne(CallerUncheckedMap op) {
    addOne((int) op.idx);
    //     ^[abiguard:narrowing] field CallerUncheckedMap.idx (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void loop(CallerUncheckedMap op, long[] raws) {
    if (op.space > 0xFFFF) {
      return;
    }
    for (long raw : raws) {
      loopOne(op);
      op.space = raw & 0xFFFFFFFFL;
    }
  }

  private void loopOne(CallerUncheckedMap op) {
    addOne((int) op.space);
    //     ^[abiguard:narrowing] field CallerUncheckedMap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  int otherObject(CallersChecksThatDoNotHold other) {
    if (pending.space > 0xFFFF) {
      return -22;
    }
    return other.pendingOne();
  }

  private int pendingOne() {
    return addOne((int) pending.space);
    //            ^[abiguard:narrowing] field CallerUncheckedMap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  int tooWide(CallerUncheckedMap op) {
    if (op.idx > 0x1FFFF) {
      return -22;
    }
    return wideOne(op);
  }

  int narrow(CallerUncheckedMap op) {
    if (op.idx > 0xFFFF) {
      return -22;
    }
    return wideOne(op);
  }

  private int wideOne(CallerUncheckedMap op) {
    return addOne((int) op.idx);
    //            ^[abiguard:narrowing] field CallerUncheckedMap.idx (u32) as the calls of wideOne pass it can reach parameter 'space' of addOne (u16): values 0x10000..0x1FFFF would be truncated
  }

  int anonymous(CallerUncheckedMap op) {
    IntSupplier s =
        new IntSupplier() {
          @Override
          public int getAsInt() {
            return anonymousOne(op);
          }
        };
    return s.getAsInt();
  }

  private int anonymousOne(CallerUncheckedMap op) {
    return addOne((int) op.space);
    //            ^[abiguard:narrowing] field CallerUncheckedMap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  // varargs: not followed from its calls
  int spread(CallerUncheckedMap op) {
    if (op.space > 0xFFFF) {
      return -22;
    }
    return varargsOne(op);
  }

  private int varargsOne(CallerUncheckedMap... ops) {
    return addOne((int) ops[0].space);
    //            ^[abiguard:narrowing] field CallerUncheckedMap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  // two methods that call each other: each one's calls depend on its own start
  int pingPong(CallerUncheckedMap op) {
    if (op.idx > 0xFFFF) {
      return -22;
    }
    return ping(op, 2);
  }

  private int ping(CallerUncheckedMap op, int n) {
    return n == 0 ? addOne((int) op.idx) : pong(op, n - 1);
    //                     ^[abiguard:narrowing] field CallerUncheckedMap.idx (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  private int pong(CallerUncheckedMap op, int n) {
    op.idx = op.idx ^ 0x10000;
    return ping(op, n);
  }

  // a framework may call a method annotated for it, with anything
  @Retention(RetentionPolicy.RUNTIME)
  @interface Hook {}

  int hooked(CallerUncheckedMap op) {
    if (op.idx > 0xFFFF) {
      return -22;
    }
    return hookOne(op);
  }

  @Hook
  private int hookOne(CallerUncheckedMap op) {
    return addOne((int) op.idx);
    //            ^[abiguard:narrowing] field CallerUncheckedMap.idx (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  // serialization calls readObject with whatever the stream held
  private transient CallerUncheckedMap restored = new CallerUncheckedMap();

  void restore(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
    if (restored.space > 0xFFFF) {
      return;
    }
    readObject(in);
  }

  private void readObject(java.io.ObjectInputStream in)
      throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject();
    addOne((int) restored.space);
    //     ^[abiguard:narrowing] field CallerUncheckedMap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  private static final CallerUncheckedMap DEFAULT = new CallerUncheckedMap();
  private final int initial = initializerOne(DEFAULT);

  private int initializerOne(CallerUncheckedMap op) {
    return addOne((int) op.idx) + initial;
    //            ^[abiguard:narrowing] field CallerUncheckedMap.idx (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}
