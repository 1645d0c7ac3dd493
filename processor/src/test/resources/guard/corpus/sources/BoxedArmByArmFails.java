package corpus.sources;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U64;

@AbiStruct(name = "arm_boxed_op")
final class ArmBoxedOp {
  @U32 int space;
  @U64 long gpfn;
}

class ArmBoxed {
  static void addOne(@U16 int space) {}

  static void addFrame(@U32 long gpfn) {}

  static Object lookup(int key) {
    return key;
  }

  // a cast to Object boxes the value as an assignment does
  static void cast(ArmBoxedOp op) {
    Object o = (Object) op.space;
    addOne((Integer) o);
    //     ^[abiguard:narrowing] field ArmBoxedOp.space (u32) can reach parameter 'space' of addOne (u16)
  }

  // a conditional with an arm that is no number boxes each arm on its own
  static void conditional(ArmBoxedOp op, boolean fromGuest) {
    Object o = fromGuest ? op.space : "none";
    if (o instanceof Integer space) {
      addOne(space);
      //     ^[abiguard:narrowing] field ArmBoxedOp.space (u32) can reach parameter 'space' of addOne (u16)
    }
  }

  // a switch expression assigned to Object boxes each arm as its own kind
  static void switchArms(ArmBoxedOp op, int which) {
    Object o =
        switch (which) {
          case 0 -> op.space;
          case 1 -> {
            long frame = op.gpfn;
            yield frame;
          }
          default -> "none";
        };
    if (o instanceof Integer space) {
      addOne(space);
      //     ^[abiguard:narrowing] field ArmBoxedOp.space (u32) can reach parameter 'space' of addOne (u16)
    }
    if (o instanceof Long frame) {
      addFrame(frame);
      //       ^[abiguard:narrowing] field ArmBoxedOp.gpfn (u64) can reach parameter 'gpfn' of addFrame (u32)
    }
  }

  static void numberArms(ArmBoxedOp op, int which) {
    Number n =
        switch (which) {
          case 0 -> op.gpfn;
          default -> 0;
        };
    addFrame(n.longValue());
    //                  ^[abiguard:narrowing] field ArmBoxedOp.gpfn (u64) can reach parameter 'gpfn' of addFrame (u32)
  }

  // an arm of an unknown value is a plain value, which does not hide the other arm's box
  static void unknownArm(ArmBoxedOp op, boolean fromGuest) {
    Object o = fromGuest ? op.space : lookup(0);
    addOne((Integer) o);
    //     ^[abiguard:narrowing] field ArmBoxedOp.space (u32) can reach parameter 'space' of addOne (u16)
  }

  // a box cast to Object or chosen by a conditional, passed to an Object parameter
  static void store(Object value) {
    if (value instanceof Integer space) {
      addOne(space);
    }
  }

  static void passed(ArmBoxedOp op, boolean fromGuest) {
    store((Object) op.space);
    //    ^[abiguard:narrowing] field ArmBoxedOp.space (u32) can reach parameter 'space' of addOne (u16) through parameter 'value' of store (line 80)
    store(fromGuest ? op.space : "none");
    //              ^[abiguard:narrowing] field ArmBoxedOp.space (u32) can reach parameter 'space' of addOne (u16) through parameter 'value' of store (line 80)
  }
}
