package corpus.sources;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U64;

@AbiStruct(name = "arm_boxed_checked_op")
final class ArmBoxedCheckedOp {
  @U32 int space;
  @U64 long gpfn;
}

class ArmBoxedChecked {
  static void addOne(@U16 int space) {}

  static void addFrame(@U32 long gpfn) {}

  static void store(Object value) {
    if (value instanceof Integer space) {
      addOne(space);
    }
  }

  // masked before it is boxed, or checked after it is unboxed
  static void cast(ArmBoxedCheckedOp op) {
    Object o = (Object) (op.space & 0xFFFF);
    addOne((Integer) o);
    store((Object) (op.space & 0xFFFF));
  }

  static void conditional(ArmBoxedCheckedOp op, boolean fromGuest) {
    Object o = fromGuest ? op.space : "none";
    if (o instanceof Integer space && space >= 0 && space <= 0xFFFF) {
      addOne(space);
    }
    store(fromGuest ? op.space & 0xFFFF : "none");
  }

  // each arm is its own box: the u64 arm is a Long, which no Integer pattern matches
  static void switchArms(ArmBoxedCheckedOp op, int which) {
    Object o =
        switch (which) {
          case 0 -> op.space & 0xFFFF;
          case 1 -> op.gpfn;
          default -> "none";
        };
    if (o instanceof Integer space) {
      addOne(space);
    }
    if (o instanceof Long frame && frame >= 0 && frame <= 0xFFFFFFFFL) {
      addFrame(frame);
    }
  }
}
