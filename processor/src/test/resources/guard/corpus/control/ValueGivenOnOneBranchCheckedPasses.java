package corpus.control;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "one_branch_checked_op")
final class OneBranchCheckedOp {
  @U32 int space;
}

class OneBranchChecked {
  static int lastSpace;

  static void addOne(@U16 int space) {}

  // what the branch gives fits; the other branch leaves a plain value, which passes in lenient mode
  static void masked(OneBranchCheckedOp op, int space, boolean fromGuest) {
    if (fromGuest) {
      space = op.space & 0xFFFF;
    }
    addOne(space);
  }

  static void checked(OneBranchCheckedOp op, int space, boolean fromGuest) {
    if (fromGuest) {
      if (op.space < 0 || op.space > 0xFFFF) {
        return;
      }
      space = op.space;
    }
    addOne(space);
  }

  static void checkedAfter(OneBranchCheckedOp op, boolean fromGuest) {
    if (fromGuest) {
      lastSpace = op.space;
    }
    if (lastSpace < 0 || lastSpace > 0xFFFF) {
      return;
    }
    addOne(lastSpace);
  }
}
