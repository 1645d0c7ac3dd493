package corpus.refinement;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "unset_flag_op")
class UnsetFlagOp {
  @U32 public long space;
}

class UnsetFlags {
  static void addOne(@U16 int v) {}

  // the check that clears the flag allows too much
  static int boundTooWide(UnsetFlagOp x) {
    boolean ok = true;
    if (x.space > 0x1FFFF) {
      ok = false;
    }
    if (ok) {
      addOne((int) x.space);
      //     ^[abiguard:narrowing] field UnsetFlagOp.space (u32) can reach parameter 'v' of addOne (u16): values 0x10000..0x1FFFF would be truncated
    }
    return 0;
  }

  // the flag is cleared only when another condition holds too
  static int clearedOnlySometimes(UnsetFlagOp x, boolean strictly) {
    boolean ok = true;
    if (strictly) {
      if (x.space > 0xFFFF) {
        ok = false;
      }
    }
    if (ok) {
      addOne((int) x.space);
      //     ^[abiguard:narrowing] field UnsetFlagOp.space (u32) can reach parameter 'v' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    }
    return 0;
  }

  // the flag is set the wrong way round
  static int wrongWayRound(UnsetFlagOp x) {
    boolean ok = false;
    if (x.space > 0xFFFF) {
      ok = true;
    }
    if (ok) {
      addOne((int) x.space);
      //     ^[abiguard:narrowing] field UnsetFlagOp.space (u32) can reach parameter 'v' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    }
    return 0;
  }

  // set again after the check
  static int setAgain(UnsetFlagOp x) {
    boolean ok = true;
    if (x.space > 0xFFFF) {
      ok = false;
    }
    ok = true;
    if (ok) {
      addOne((int) x.space);
      //     ^[abiguard:narrowing] field UnsetFlagOp.space (u32) can reach parameter 'v' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    }
    return 0;
  }

  // a loop that may not run leaves the flag as it started
  static int clearedInALoopThatMayNotRun(UnsetFlagOp x, int tries) {
    boolean ok = true;
    for (int i = 0; i < tries; i++) {
      if (x.space > 0xFFFF) {
        ok = false;
      }
    }
    if (ok) {
      addOne((int) x.space);
      //     ^[abiguard:narrowing] field UnsetFlagOp.space (u32) can reach parameter 'v' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    }
    return 0;
  }

  // the field changes after the flag is cleared
  static int fieldWrittenAfter(UnsetFlagOp x, UnsetFlagOp y) {
    boolean ok = true;
    if (x.space > 0xFFFF) {
      ok = false;
    }
    x.space = y.space;
    if (ok) {
      addOne((int) x.space);
      //     ^[abiguard:narrowing] field UnsetFlagOp.space (u32) can reach parameter 'v' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    }
    return 0;
  }

  // |= with a value the analysis knows nothing of
  static int orAssignedUnknown(UnsetFlagOp x, boolean more) {
    boolean ok = x.space <= 0xFFFF;
    ok |= more;
    ok = ok | more;
    if (ok) {
      addOne((int) x.space);
      //     ^[abiguard:narrowing] field UnsetFlagOp.space (u32) can reach parameter 'v' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    }
    return 0;
  }

  // a helper whose flag is cleared by a check too wide
  private static boolean fitsU16(long v) {
    boolean fits = true;
    if (v > 0x1FFFF) {
      fits = false;
    }
    return fits;
  }

  static int helper(UnsetFlagOp x) {
    if (!fitsU16(x.space)) {
      return -22;
    }
    addOne((int) x.space);
    //     ^[abiguard:narrowing] field UnsetFlagOp.space (u32) can reach parameter 'v' of addOne (u16): values 0x10000..0x1FFFF would be truncated
    return 0;
  }
}
