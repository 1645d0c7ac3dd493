package corpus.refinement;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "set_flag_op")
class SetFlagOp {
  @U32 public long space;
  @U32 public long idx;
}

class SetFlags {
  static void addOne(@U16 int v) {}

  // a flag that each failing check clears
  static int clearedByEachCheck(SetFlagOp x) {
    boolean ok = true;
    if (x.space > 0xFFFF) {
      ok = false;
    }
    if (x.idx > 0xFFFF) ok = false;
    if (!ok) {
      return -22;
    }
    addOne((int) x.space);
    addOne((int) x.idx);
    return 0;
  }

  // a flag that a failing check raises
  static int raisedByAFailingCheck(SetFlagOp x) {
    boolean bad = false;
    if (x.space > 0xFFFF || x.idx > 0xFFFF) {
      bad = true;
    }
    if (bad) {
      return -22;
    }
    addOne((int) x.space);
    addOne((int) x.idx);
    return 0;
  }

  // declared without a value, then given one on each side of the check
  static int givenOnEachSide(SetFlagOp x) {
    boolean fits;
    if (x.space <= 0xFFFF) {
      fits = true;
    } else {
      fits = false;
    }
    if (fits) {
      addOne((int) x.space);
    }
    return 0;
  }

  // checks added to the flag one after another
  static int andedInto(SetFlagOp x) {
    boolean ok = x.space <= 0xFFFF;
    ok = ok && x.idx <= 0xFFFF;
    if (!ok) {
      return -22;
    }
    addOne((int) x.space);
    addOne((int) x.idx);
    return 0;
  }

  // the same with &= and a non-short-circuit &
  static int andAssigned(SetFlagOp x) {
    boolean ok = true;
    ok &= x.space <= 0xFFFF;
    ok = ok & x.idx <= 0xFFFF;
    if (ok) {
      addOne((int) x.space);
      addOne((int) x.idx);
    }
    return 0;
  }

  // |= gathers the failures
  static int orAssigned(SetFlagOp x) {
    boolean bad = false;
    bad |= x.space > 0xFFFF;
    bad |= x.idx > 0xFFFF;
    if (bad) {
      return -22;
    }
    addOne((int) x.space);
    addOne((int) x.idx);
    return 0;
  }

  // a loop that always runs once clears the flag
  static int clearedInADoLoop(SetFlagOp x, int tries) {
    boolean ok = true;
    int left = tries;
    do {
      if (x.space > 0xFFFF) {
        ok = false;
      }
      left--;
    } while (left > 0);
    if (ok) {
      addOne((int) x.space);
    }
    return 0;
  }

  // a copy of a flag says what the flag says
  static int copied(SetFlagOp x) {
    boolean ok = true;
    if (x.space > 0xFFFF) {
      ok = false;
    }
    boolean copy = ok;
    if (copy) {
      addOne((int) x.space);
    }
    return 0;
  }

  // a helper that keeps its answer in a flag
  private static boolean fitsU16(long v) {
    boolean fits = true;
    if (v < 0 || v > 0xFFFF) {
      fits = false;
    }
    return fits;
  }

  static int helper(SetFlagOp x) {
    if (!fitsU16(x.space)) {
      return -22;
    }
    addOne((int) x.space);
    return 0;
  }
}
