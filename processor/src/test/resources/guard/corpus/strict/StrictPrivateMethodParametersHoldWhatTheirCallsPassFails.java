package corpus.strict;

// OPTIONS: -Aabiguard.mode=strict

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "strict_closed_op")
class StrictClosedOp {
  @U32 public long space;
  @U32 public long idx;
}

// In strict mode a private method's parameter without a width, otherwise any value of its Java
// type, holds what every call of it passes, when the guard sees them all: checked callers let
// the method narrow it, one call that passes more is reported inside, naming the parameter as
// its calls pass it. A parameter with a width keeps its width, to which each call is held, and a
// parameter the method writes holds what was written.
class StrictClosedMethods {
  static void addOne(@U16 int space) {}

  static void checked(StrictClosedOp op) {
    if (op.space > 0xFFFF) {
      return;
    }
    one(op.space);
    one(op.idx & 0xFFFF);
  }

  private static void one(long v) {
    addOne((int) v);
  }

  static void partly(StrictClosedOp op) {
    two(op.space & 0xFFFF);
    if (op.idx <= 0x1FFFF) {
      two(op.idx);
    }
  }

  private static void two(long v) {
    addOne((int) v);
    //     ^[abiguard:narrowing] parameter 'v' of two as its calls pass it can reach parameter 'space' of addOne (u16): values 0x10000..0x1FFFF would be truncated
  }

  static void declared(StrictClosedOp op) {
    if (op.space > 0xFFFF) {
      return;
    }
    three(op.space);
  }

  private static void three(@U32 long v) {
    addOne((int) v);
    //     ^[abiguard:narrowing] parameter 'v' of three (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  static void written(StrictClosedOp op) {
    four(op.space & 0xFF, op.idx);
  }

  private static void four(long v, long w) {
    v += w;
    addOne((int) v);
    //     ^[abiguard:narrowing] expression `v + w` can reach parameter 'space' of addOne (u16): values 0x10000..0x1000000FE would be truncated
  }

  // a method reference: its calls are not all seen
  static java.util.function.LongConsumer referenced(StrictClosedOp op) {
    five(op.space & 0xFFFF);
    return StrictClosedMethods::five;
  }

  private static void five(long v) {
    addOne((int) v);
    //     ^[abiguard:narrowing] parameter 'v' of five (s64) can reach parameter 'space' of addOne (u16): values -0x8000000000000000..-0x1 and 0x10000..0x7FFFFFFFFFFFFFFF would be truncated
  }
}
