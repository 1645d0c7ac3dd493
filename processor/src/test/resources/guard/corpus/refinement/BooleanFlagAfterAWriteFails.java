package corpus.refinement;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "stale_flag_op")
class StaleFlagOp {
  @U32 public long space;
}

class StaleFlags {
  static void addOne(@U16 int v) {}

  // the field was written after the check
  static int fieldWritten(StaleFlagOp x, StaleFlagOp y) {
    boolean ok = x.space <= 0xFFFF;
    x.space = y.space;
    if (!ok) {
      return -22;
    }
    addOne((int) x.space);
    //     ^[abiguard:narrowing] field StaleFlagOp.space (u32) can reach parameter 'v' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }

  // x is another struct now
  static int receiverReassigned(StaleFlagOp x, StaleFlagOp y) {
    boolean ok = x.space <= 0xFFFF;
    x = y;
    if (!ok) {
      return -22;
    }
    addOne((int) x.space);
    //     ^[abiguard:narrowing] field StaleFlagOp.space (u32) can reach parameter 'v' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }

  // the boolean says something else now
  static int flagReassigned(StaleFlagOp x, boolean more, boolean force) {
    boolean ok = x.space <= 0xFFFF;
    ok |= more;
    if (!ok) {
      return -22;
    }
    addOne((int) x.space);
    //     ^[abiguard:narrowing] field StaleFlagOp.space (u32) can reach parameter 'v' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    boolean fits = x.space <= 0xFFFF;
    if (force) {
      fits = true;
    }
    if (fits) {
      addOne((int) x.space);
      //     ^[abiguard:narrowing] field StaleFlagOp.space (u32) can reach parameter 'v' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    }
    return 0;
  }

  // the local changes around the loop after the check
  static int writtenInALoop(StaleFlagOp x) {
    long s = x.space;
    boolean ok = s <= 0xFFFF;
    for (int i = 0; i < 3; i++) {
      if (ok) {
        addOne((int) s);
        //     ^[abiguard:narrowing] expression `s + 1` can reach parameter 'v' of addOne (u16)
      }
      s++;
    }
    return 0;
  }

  // the other outcome
  static int wrongSide(StaleFlagOp x) {
    boolean ok = x.space <= 0xFFFF;
    if (ok) {
      return 0;
    }
    addOne((int) x.space);
    //     ^[abiguard:narrowing] field StaleFlagOp.space (u32) can reach parameter 'v' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }
}
