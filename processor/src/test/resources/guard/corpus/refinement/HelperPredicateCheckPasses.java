package corpus.refinement;

import org.abiguard.Abi;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "helper_op")
class HelperOp {
  @U32 public long space;
  @U32 public int raw;
}

// a check made by a helper of the class (static, private or final, one returned expression) is a
// check of what was passed to it, as the comparison written out would be
final class HelperPredicates {
  static void addOne(@U16 int space) {}

  record HelperExtent(@U32 long gfn) {
    boolean fits() {
      return gfn <= 0xFFFF;
    }
  }

  private static boolean fitsU16(long v) {
    return v >= 0 && v <= 0xFFFF;
  }

  private static boolean validSpace(HelperOp op) {
    return op.space <= 0xFFFF;
  }

  private boolean validRaw(int raw) {
    return Integer.compareUnsigned(raw, 0xFFFF) <= 0;
  }

  private static long spaceOf(HelperOp op) {
    return op.space;
  }

  private static boolean both(HelperOp op) {
    return validSpace(op) && fitsU16(op.raw);
  }

  static int negated(HelperOp op) {
    if (!fitsU16(op.space)) {
      return -22;
    }
    addOne((int) op.space);
    return 0;
  }

  static int ofTheStruct(HelperOp op) {
    if (!validSpace(op)) {
      return -22;
    }
    addOne((int) op.space);
    return 0;
  }

  // raw bits passed to a long parameter are sign-extended: the helper sees the int's Java value
  int rawBits(HelperOp op) {
    if (validRaw(op.raw)) {
      addOne(op.raw);
    }
    if (fitsU16(op.raw)) {
      addOne(op.raw);
    }
    return 0;
  }

  static int keptInAFlag(HelperOp op) {
    boolean ok = fitsU16(op.space);
    if (!ok) {
      return -22;
    }
    addOne((int) op.space);
    return 0;
  }

  static int helperOfHelpers(HelperOp op) {
    if (both(op)) {
      addOne((int) op.space);
      addOne(op.raw);
    }
    return 0;
  }

  // a helper that returns a field is that field: checking its result checks the field
  static int resultChecked(HelperOp op) {
    if (spaceOf(op) > 0xFFFF) {
      return -22;
    }
    addOne((int) op.space);
    addOne((int) spaceOf(op));
    return 0;
  }

  static int abiCheckOfTheResult(HelperOp op) {
    Abi.checkU16(spaceOf(op));
    addOne((int) op.space);
    return 0;
  }

  // the record's own check reads its field; the implicit accessor returns that field
  static int recordsOwnCheck(HelperExtent e) {
    if (!e.fits()) {
      return -22;
    }
    addOne((int) e.gfn());
    return 0;
  }

  private static boolean l1(long v) {
    return l2(v);
  }

  private static boolean l2(long v) {
    return l3(v);
  }

  private static boolean l3(long v) {
    return l4(v);
  }

  private static boolean l4(long v) {
    return l5(v);
  }

  private static boolean l5(long v) {
    return fitsU16(v);
  }

  static int fiveHelpersDeep(HelperOp op) {
    if (!l1(op.space)) {
      return -22;
    }
    addOne((int) op.space);
    return 0;
  }
}
