package corpus.sinks;

import org.abiguard.AbiArray;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "forwarded_op")
class ForwardedOp {
  @U32 public long space;
  @U16 public int size;

  @U32
  @AbiArray(2)
  public long[] frames = new long[2];
}

// In lenient mode a parameter without a width is a plain value to its method's own analysis, which
// lets (int) v pass; a value with a width passed to it is followed into the method, and what it can
// bring to a sink there is reported where it is passed.
class Forwarders {
  static void addOne(@U16 int space) {}

  static void forward(long v) {
    addOne((int) v);
  }

  // passed on to another method that passes it on
  static void chain(long w) {
    forward(w);
  }

  // of two parameters, only the second reaches the sink
  static void second(long a, long b) {
    addOne((int) b);
  }

  // a check that is too wide
  static void checkedTooWide(long v) {
    if (v > 0x1FFFF) {
      throw new IllegalArgumentException("space");
    }
    addOne((int) v);
  }

  // into a field with a width, by a constructor
  static final class Holder {
    @U16 int space;

    Holder(long v) {
      space = (int) v;
    }
  }

  // a method that returns a width
  @U16
  static int narrowed(long v) {
    return (int) v;
  }

  // a helper whose result is used, and whose body has a sink of its own
  static int addedOne(long v) {
    addOne((int) v);
    return 0;
  }

  // an instance method of a final class
  static final class Port {
    void open(long number) {
      addOne((int) number);
    }
  }

  static void run(ForwardedOp op, Port port) {
    forward(op.space);
    //        ^[abiguard:narrowing] field ForwardedOp.space (u32) can reach parameter 'space' of addOne (u16) through parameter 'v' of forward (line 25): values 0x10000..0xFFFFFFFF would be truncated
    chain(op.space);
    //      ^[abiguard:narrowing] field ForwardedOp.space (u32) can reach parameter 'space' of addOne (u16) through parameter 'v' of forward (line 25), through parameter 'w' of chain (line 30): values 0x10000..0xFFFFFFFF would be truncated
    second(op.size, op.space);
    //                ^[abiguard:narrowing] field ForwardedOp.space (u32) can reach parameter 'space' of addOne (u16) through parameter 'b' of second (line 35)
    checkedTooWide(op.space);
    //               ^[abiguard:narrowing] field ForwardedOp.space (u32) can reach parameter 'space' of addOne (u16) through parameter 'v' of checkedTooWide (line 43): values 0x10000..0x1FFFF would be truncated
    new Holder(op.space);
    //           ^[abiguard:narrowing] field ForwardedOp.space (u32) can reach field Holder.space (u16) through parameter 'v' of constructor Holder (line 51)
    int n = narrowed(op.space);
    //                 ^[abiguard:narrowing] field ForwardedOp.space (u32) can reach return value of narrowed (u16) through parameter 'v' of narrowed (line 58)
    n += addedOne(op.space);
    //              ^[abiguard:narrowing] field ForwardedOp.space (u32) can reach parameter 'space' of addOne (u16) through parameter 'v' of addedOne (line 63)
    port.open(op.space);
    //          ^[abiguard:narrowing] field ForwardedOp.space (u32) can reach parameter 'space' of addOne (u16) through parameter 'number' of open (line 70)
    forward(70000);
    //      ^[abiguard:narrowing] constant 0x11170 can reach parameter 'space' of addOne (u16) through parameter 'v' of forward (line 25)
    for (long frame : op.frames) {
      forward(frame);
      //      ^[abiguard:narrowing] element of field ForwardedOp.frames (u32) can reach parameter 'space' of addOne (u16) through parameter 'v' of forward (line 25)
    }
    long copy = op.space; // at most 0x1FFFF: checkedTooWide returned
    if (copy > 0xFFFF) {
      forward(copy);
      //      ^[abiguard:narrowing] field ForwardedOp.space (u32) can reach parameter 'space' of addOne (u16) through parameter 'v' of forward (line 25): values 0x10000..0x1FFFF would be truncated
    }
  }
}

// another top-level class's method, read from its source parsed again
final class OtherForwarders {
  static void forward(long v) {
    long next = v + 1;
    Forwarders.addOne((int) next);
  }

  static void fitting(long v) {
    if (v > 0xFFFE) {
      return;
    }
    Forwarders.addOne((int) (v + 1));
  }
}

class OtherForwardersCaller {
  static void run(ForwardedOp op) {
    OtherForwarders.forward(op.size);
    //                        ^[abiguard:narrowing] expression `v + 1` can reach parameter 'space' of addOne (u16) through parameter 'v' of forward (line 109): values 0x10000 would be truncated
    OtherForwarders.fitting(op.space);
  }
}

// the method chooses its sink by another value passed: the path the call's value takes is followed
class ChoosingForwarders {
  static void put(long v, boolean wide) {
    if (wide) {
      Forwarders.addOne((int) (v & 0xFFFF));
    } else {
      Forwarders.addOne((int) v);
    }
  }

  static void write(long v, int size) {
    switch (size) {
      case 2:
        Forwarders.addOne((int) v);
        break;
      default:
        break;
    }
  }

  static void run(ForwardedOp op, boolean wide, int size) {
    put(op.space, true);
    put(op.space, false);
    //    ^[abiguard:narrowing] field ForwardedOp.space (u32) can reach parameter 'space' of addOne (u16) through parameter 'v' of put (line 134)
    put(op.space, wide);
    //    ^[abiguard:narrowing] field ForwardedOp.space (u32) can reach parameter 'space' of addOne (u16) through parameter 'v' of put (line 134)
    write(op.space, 3);
    write(op.space, 2);
    //      ^[abiguard:narrowing] field ForwardedOp.space (u32) can reach parameter 'space' of addOne (u16) through parameter 'v' of write (line 141)
    write(op.space, size);
    //      ^[abiguard:narrowing] field ForwardedOp.space (u32) can reach parameter 'space' of addOne (u16) through parameter 'v' of write (line 141)
  }
}
