package corpus.control;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "one_branch_op")
final class OneBranchOp {
  @U32 int space;
  @U32 int idx;
}

class OneBranch {
  static int lastSpace;
  int pending;
  @U32 long limit;

  static void addOne(@U16 int space) {}

  // a parameter given the field's value on one branch holds it after the branches meet
  static void parameter(OneBranchOp op, int space, boolean fromGuest) {
    if (fromGuest) {
      space = op.space;
    }
    addOne(space);
    //     ^[abiguard:narrowing] field OneBranchOp.space (u32) can reach parameter 'space' of addOne (u16)
  }

  // so does a static field, and a field of this object
  static void staticField(OneBranchOp op, boolean fromGuest) {
    if (fromGuest) {
      lastSpace = op.space;
    }
    addOne(lastSpace);
    //     ^[abiguard:narrowing] field OneBranchOp.space (u32) can reach parameter 'space' of addOne (u16)
  }

  void instanceField(OneBranchOp op, boolean fromGuest) {
    if (fromGuest) {
      pending = op.idx;
    }
    addOne(pending);
    //     ^[abiguard:narrowing] field OneBranchOp.idx (u32) can reach parameter 'space' of addOne (u16)
  }

  // a loop that may not run, and a switch with a case that leaves it alone
  static void loop(OneBranchOp op, int space, int rounds) {
    for (int i = 0; i < rounds; i++) {
      space = op.space;
    }
    addOne(space);
    //     ^[abiguard:narrowing] field OneBranchOp.space (u32) can reach parameter 'space' of addOne (u16)
  }

  static void switched(OneBranchOp op, int space, int kind) {
    switch (kind) {
      case 1 -> space = op.space;
      case 2 -> space = 7;
      default -> {}
    }
    addOne(space);
    //     ^[abiguard:narrowing] field OneBranchOp.space (u32) can reach parameter 'space' of addOne (u16)
  }

  // a field with a width keeps it where one branch stores a small constant
  void declaredField(boolean reset) {
    if (reset) {
      limit = 5;
    }
    addOne((int) limit);
    //     ^[abiguard:narrowing] field OneBranch.limit (u32) can reach parameter 'space' of addOne (u16)
  }
}
