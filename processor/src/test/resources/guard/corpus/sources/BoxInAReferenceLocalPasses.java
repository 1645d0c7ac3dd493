package corpus.sources;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "boxed_checked_op")
final class BoxedCheckedOp {
  @U32 int space;
}

class BoxedChecked {
  static void addOne(@U16 int space) {}

  // a check of the binding, or of the cast box, narrows it
  static void bindingChecked(BoxedCheckedOp op) {
    Object o = op.space;
    if (o instanceof Integer space && space >= 0 && space <= 0xFFFF) {
      addOne(space);
    }
  }

  static void castChecked(BoxedCheckedOp op) {
    Object o = op.space;
    if ((Integer) o < 0 || (Integer) o > 0xFFFF) {
      return;
    }
    addOne((Integer) o);
  }

  // a box of a masked value fits; a Long box never matches an Integer pattern
  static void masked(BoxedCheckedOp op) {
    Object o = op.space & 0xFFFF;
    addOne((Integer) o);
    Object wide = op.space & 0xFFFFFFFFL;
    if (wide instanceof Integer space) {
      addOne(space);
    }
  }

  // a box written again with something else holds nothing the guard knows
  static void rewritten(BoxedCheckedOp op, Object other) {
    Object o = op.space;
    o = other;
    addOne((Integer) o);
  }
}
