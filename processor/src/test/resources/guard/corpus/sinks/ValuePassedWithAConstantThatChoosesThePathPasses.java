package corpus.sinks;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "chosen_fitting_op")
class ChosenFittingOp {
  @U32 public long space;
}

// A method that chooses its sink by an enum constant or a string the call passes. Where it only
// tests the constant (against constants or null), the path it chooses keeps the value whole; where
// it chooses in a way the guard does not see (a field of the constant, its ordinal, a copy), the
// call is not followed.
class ChosenFittingPaths {
  static void addOne(@U16 int space) {}

  static void addWide(@U32 long space) {}

  enum Width {
    HALF(2),
    WORD(4);

    final int bytes;

    Width(int bytes) {
      this.bytes = bytes;
    }
  }

  static void byTest(long v, Width width) {
    if (width != Width.WORD) {
      addOne((int) v);
    } else {
      addWide(v);
    }
  }

  static void bySwitch(long v, Width width) {
    switch (width) {
      case HALF -> addOne((int) v);
      case WORD -> addWide(v);
    }
  }

  static void byField(long v, Width width) {
    if (width.bytes == 4) {
      addWide(v);
    } else {
      addOne((int) v);
    }
  }

  static void byOrdinal(long v, Width width) {
    if (width.ordinal() == 1) {
      addWide(v);
    } else {
      addOne((int) v);
    }
  }

  static boolean wide(Width width) {
    return width.bytes == 4;
  }

  static void byHelper(long v, Width width) {
    if (wide(width)) {
      addWide(v);
    } else {
      addOne((int) v);
    }
  }

  static void byCopy(long v, Width width) {
    Width copy = width;
    if (copy == Width.WORD) {
      addWide(v);
    } else {
      addOne((int) v);
    }
  }

  static void byNull(long v, String name) {
    if (name == null) {
      addOne((int) v);
    } else {
      addWide(v);
    }
  }

  // null passed: a test of it takes one branch, and any other use leaves the call followed
  static void optional(long v, long[] wide) {
    if (wide == null) {
      addWide(v);
    } else {
      wide[0] = v;
      addOne((int) v);
    }
  }

  static void run(ChosenFittingOp op) {
    byTest(op.space, Width.WORD);
    bySwitch(op.space, Width.WORD);
    byField(op.space, Width.WORD);
    byOrdinal(op.space, Width.WORD);
    byHelper(op.space, Width.WORD);
    byCopy(op.space, Width.WORD);
    byNull(op.space, "word");
    optional(op.space, null);
    Width word = Width.WORD;
    byTest(op.space, word);
    if (word == Width.HALF) {
      addOne((int) op.space);
    }
    switch (word) {
      case HALF:
        addOne((int) op.space);
        break;
      default:
        addWide(op.space);
        break;
    }
    String name = "word";
    if (name.equals("half")) {
      addOne((int) op.space);
    }
  }
}
