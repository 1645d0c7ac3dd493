package corpus.refinement;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "flag_op")
class FlagOp {
  @U32 public long space;
}

class BooleanFlags {
  static void addOne(@U16 int v) {}

  // the check's outcome kept in a boolean, tested later
  static int flag(FlagOp x) {
    boolean ok = x.space <= 0xFFFF;
    if (!ok) {
      return -22;
    }
    addOne((int) x.space);
    return 0;
  }

  static int assignedLater(FlagOp x) {
    long s = x.space;
    boolean inRange;
    inRange = s >= 0 && s < 0x10000;
    if (inRange) {
      addOne((int) s);
    }
    return 0;
  }

  static int tooBig(FlagOp x, int other) {
    boolean tooBig = (x.space > 0xFFFF);
    int unrelated = other + 1;
    if (tooBig || unrelated < 0) {
      return -22;
    }
    addOne((int) x.space);
    return 0;
  }
}
