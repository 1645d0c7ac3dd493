package corpus.strict;

// OPTIONS: -Aabiguard.mode=strict

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U64;

@AbiStruct(name = "strict_arm_boxed_op")
final class StrictArmBoxedOp {
  @U32 int space;
  @U64 long gpfn;
}

class StrictArmBoxed {
  static void addOne(@U16 int space) {}

  // a box made by a cast or arm by arm holds the value it was made of, not any int: the masked
  // value fits, and the u64 arm is a Long, which no Integer pattern matches
  static void cast(StrictArmBoxedOp op) {
    Object o = (Object) (op.space & 0xFFFF);
    addOne((Integer) o);
  }

  static void switchArms(StrictArmBoxedOp op, int which) {
    Object o =
        switch (which) {
          case 0 -> op.space & 0xFFFF;
          case 1 -> op.gpfn;
          default -> "none";
        };
    if (o instanceof Integer space) {
      addOne(space);
    }
  }
}
