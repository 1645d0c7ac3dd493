package corpus.sinks;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "forwarded_fitting_op")
class ForwardedFittingOp {
  @U32 public long space;
  @U16 public int size;
  @U32 public long count;
}

// Values with a width passed to parameters without one, followed into the method called: where the
// method, or its caller, keeps them within the sink, nothing is reported.
class FittingForwarders {
  static void addOne(@U16 int space) {}

  static void addWide(@U32 long space) {}

  static void forward(long v) {
    addOne((int) v);
  }

  static void checked(long v) {
    if (v < 0 || v > 0xFFFF) {
      throw new IllegalArgumentException("space");
    }
    addOne((int) v);
  }

  static boolean fits(long v) {
    return v >= 0 && v <= 0xFFFF;
  }

  static int checkedByHelper(long v) {
    if (!fits(v)) {
      return -22;
    }
    addOne((int) v);
    return 0;
  }

  static void masked(long v) {
    addOne((int) (v & 0xFFFF));
  }

  static void shifted(long v) {
    addOne((int) (v >>> 16));
  }

  static void wideEnough(long v) {
    addWide(v);
  }

  // its own finding, of a field it reads, is its own analysis' to report: the value passed adds none
  @SuppressWarnings("abiguard")
  static void ownFinding(ForwardedFittingOp op, long v) {
    addOne((int) op.count);
    addOne((int) (v & 0xFF));
  }

  // the method's own suppression silences what is passed into it too
  @SuppressWarnings("abiguard:narrowing")
  static void truncatesOnPurpose(long v) {
    addOne((int) v);
  }

  // a parameter that is written before its use holds what was written
  static void rewritten(long v) {
    v = v & 0xFF;
    addOne((int) v);
  }

  // not followed: a method a subclass may override
  void overridable(long v) {
    addOne((int) v);
  }

  // the method chooses its sink by another value passed, a constant the call fixes
  static void put(long v, boolean wide) {
    if (wide) {
      addWide(v);
    } else {
      addOne((int) v);
    }
  }

  static void write(long v, int size) {
    switch (size) {
      case 1:
        addOne((int) (v & 0xFF));
        break;
      case 2:
        addOne((int) v);
        break;
      default:
        addWide(v);
        break;
    }
  }

  enum Size {
    HALF,
    WORD
  }

  // an enum constant or a string it tests chooses the path followed in (ValuePassedWithAConstant...)
  static void bySize(long v, Size size) {
    if (size == Size.WORD) {
      addWide(v);
    } else {
      addOne((int) v);
    }
  }

  static void byName(long v, String size) {
    if (size.equals("word")) {
      addWide(v);
    } else {
      addOne((int) v);
    }
  }

  static int calls(long v) {
    return v == 0 ? 0 : calls(v - 1);
  }

  void run(ForwardedFittingOp op) {
    forward(op.size);
    forward(7);
    if (op.space <= 0xFFFF) {
      forward(op.space);
    }
    checked(op.space);
    checkedByHelper(op.space);
    masked(op.space);
    shifted(op.space);
    wideEnough(op.space);
    ownFinding(op, op.space);
    truncatesOnPurpose(op.space);
    rewritten(op.space);
    overridable(op.space);
    calls(op.space);
    long copy = op.space;
    copy = copy % 0x10000;
    forward(copy);
    put(op.space, true);
    write(op.space, 4);
    write(op.space, 1);
    bySize(op.space, Size.WORD);
    byName(op.space, "word");
  }
}
