package corpus.sources;

import java.io.Serializable;
import java.util.function.IntSupplier;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U64;

@AbiStruct(name = "boxed_op")
final class BoxedOp {
  @U32 int space;
  @U64 long gpfn;
}

class Boxed {
  static void addOne(@U16 int space) {}

  static void addFrame(@U32 long gpfn) {}

  // a box kept in an Object, a Number or a Serializable still holds the field's value
  static void cast(BoxedOp op) {
    Object o = op.space;
    addOne((Integer) o);
    //     ^[abiguard:narrowing] field BoxedOp.space (u32) can reach parameter 'space' of addOne (u16)
    addOne((int) o);
    //     ^[abiguard:narrowing] field BoxedOp.space (u32) can reach parameter 'space' of addOne (u16)
  }

  static void number(BoxedOp op) {
    Number n = op.space;
    addOne(n.intValue());
    //               ^[abiguard:narrowing] field BoxedOp.space (u32) can reach parameter 'space' of addOne (u16)
    Number frame = op.gpfn;
    addFrame(frame.intValue());
    //                     ^[abiguard:narrowing] field BoxedOp.gpfn (u64) can reach parameter 'gpfn' of addFrame (u32)
  }

  static void pattern(BoxedOp op) {
    Serializable s = op.space;
    if (s instanceof Integer space) {
      addOne(space);
      //     ^[abiguard:narrowing] field BoxedOp.space (u32) can reach parameter 'space' of addOne (u16)
    }
  }

  // a copy, a binding of a reference type, a box chosen on one branch, a lambda's capture
  static void copied(BoxedOp op) {
    Object o = op.space;
    Object p = o;
    if (p instanceof Number n) {
      addOne(n.intValue());
      //               ^[abiguard:narrowing] field BoxedOp.space (u32) can reach parameter 'space' of addOne (u16)
    }
  }

  static void oneBranch(BoxedOp op, Object o, boolean fromGuest) {
    if (fromGuest) {
      o = op.space;
    }
    addOne((Integer) o);
    //     ^[abiguard:narrowing] field BoxedOp.space (u32) can reach parameter 'space' of addOne (u16)
  }

  static IntSupplier captured(BoxedOp op) {
    Object o = op.space;
    return () -> {
      addOne((Integer) o);
      //     ^[abiguard:narrowing] field BoxedOp.space (u32) can reach parameter 'space' of addOne (u16)
      return 0;
    };
  }
}
