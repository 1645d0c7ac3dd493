package corpus.sinks;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "chosen_fitting_op")
class ChosenFittingOp {
  @U32 public long space;
}

// A method that chooses its sink by an enum constant or a string the call passes. Where it only
// tests the constant (against constants or null), a copy of it, its ordinal, or a final field the
// source gives every constant, the path it chooses keeps the value whole; where it chooses in a
// way the guard does not see (a field computed in the constructor, text made of the constant and
// then tested, a copy written again), the call is not followed.
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

  enum Bits {
    HALF(16),
    WORD(32);

    final int bytes;

    Bits(int bits) {
      this.bytes = bits / 8;
    }
  }

  static void byComputed(long v, Bits bits) {
    if (bits.bytes == 4) {
      addWide(v);
    } else {
      addOne((int) v);
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

  static void byLabel(long v, Width width) {
    String label = "w" + width;
    if (label.equals("wWORD")) {
      addWide(v);
    } else {
      addOne((int) v);
    }
  }

  static void byNameLength(long v, Width width) {
    if ((width.name() + "!").length() == 5) {
      addWide(v);
    } else {
      addOne((int) v);
    }
  }

  static void byRewrittenCopy(long v, Width width, Width other) {
    Width copy = width;
    if (v > 7) {
      copy = other;
    }
    if (copy == Width.WORD) {
      addWide(v);
    } else {
      addOne((int) v);
    }
  }

  // named in a message and then tested: the message chooses nothing
  static void byLoggedTest(long v, Width width) {
    System.err.println("width " + width.name());
    if (width == Width.WORD) {
      addWide(v);
    } else {
      addOne((int) v);
    }
  }

  // an integer constant with a case of its own never takes default
  static void byBytes(long v, int bytes) {
    switch (bytes) {
      case 4 -> addWide(v);
      default -> addOne((int) v);
    }
  }

  static void run(ChosenFittingOp op) {
    byComputed(op.space, Bits.WORD);
    byBytes(op.space, 4);
    byBytes(op.space, Width.WORD.bytes);
    byLabel(op.space, Width.WORD);
    byNameLength(op.space, Width.WORD);
    byRewrittenCopy(op.space, Width.WORD, Width.values()[0]);
    byLoggedTest(op.space, Width.WORD);
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
