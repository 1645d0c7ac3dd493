package corpus.sinks;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "chosen_op")
class ChosenOp {
  @U32 public long space;
}

// A method that chooses its sink by an enum constant or a string the call passes: the value passed
// is followed down the path that constant chooses, and reported only where that path loses it.
class ChosenPaths {
  static void addOne(@U16 int space) {}

  static void addWide(@U32 long space) {}

  enum Size {
    HALF,
    WORD
  }

  static void byTest(long v, Size size) {
    if (size == Size.WORD) {
      addWide(v);
    } else {
      addOne((int) v);
    }
  }

  static void bySwitch(long v, Size size) {
    switch (size) {
      case HALF:
        addOne((int) v);
        break;
      case WORD:
        addWide(v);
        break;
      default:
        break;
    }
  }

  static int byArrow(long v, Size size) {
    return switch (size) {
      case HALF -> {
        addOne((int) v);
        yield 2;
      }
      case WORD -> 4;
    };
  }

  static void byName(long v, String name) {
    if ("word".equals(name)) {
      addWide(v);
    } else if (name.equals("half")) {
      addOne((int) v);
    }
  }

  static void byNameSwitch(long v, String name) {
    switch (name) {
      case "half" -> addOne((int) v);
      default -> addWide(v);
    }
  }

  static void byObjectsEquals(long v, Size size) {
    if (java.util.Objects.equals(size, Size.HALF)) {
      addOne((int) v);
    }
  }

  // passed on to a method that tests it
  static void passedOn(long v, Size size) {
    byTest(v, size);
  }

  // null passed: a test of it takes one branch
  static void orNull(long v, long[] out) {
    if (out != null) {
      out[0] = v;
      return;
    }
    addOne((int) v);
  }

  static void run(ChosenOp op, Size size) {
    byTest(op.space, Size.WORD);
    byTest(op.space, Size.HALF);
    //       ^[abiguard:narrowing] field ChosenOp.space (u32) can reach parameter 'space' of addOne (u16) through parameter 'v' of byTest (line 28): values 0x10000..0xFFFFFFFF would be truncated
    bySwitch(op.space, Size.WORD);
    bySwitch(op.space, Size.HALF);
    //         ^[abiguard:narrowing] field ChosenOp.space (u32) can reach parameter 'space' of addOne (u16) through parameter 'v' of bySwitch (line 35): values 0x10000..0xFFFFFFFF would be truncated
    byArrow(op.space, Size.WORD);
    byArrow(op.space, Size.HALF);
    //        ^[abiguard:narrowing] field ChosenOp.space (u32) can reach parameter 'space' of addOne (u16) through parameter 'v' of byArrow (line 48): values 0x10000..0xFFFFFFFF would be truncated
    byName(op.space, "word");
    byName(op.space, "other");
    byName(op.space, "half");
    //       ^[abiguard:narrowing] field ChosenOp.space (u32) can reach parameter 'space' of addOne (u16) through parameter 'v' of byName (line 59): values 0x10000..0xFFFFFFFF would be truncated
    byNameSwitch(op.space, "word");
    byNameSwitch(op.space, "half");
    //             ^[abiguard:narrowing] field ChosenOp.space (u32) can reach parameter 'space' of addOne (u16) through parameter 'v' of byNameSwitch (line 65): values 0x10000..0xFFFFFFFF would be truncated
    byObjectsEquals(op.space, Size.WORD);
    byObjectsEquals(op.space, Size.HALF);
    //                ^[abiguard:narrowing] field ChosenOp.space (u32) can reach parameter 'space' of addOne (u16) through parameter 'v' of byObjectsEquals (line 72): values 0x10000..0xFFFFFFFF would be truncated
    passedOn(op.space, Size.WORD);
    passedOn(op.space, Size.HALF);
    //         ^[abiguard:narrowing] field ChosenOp.space (u32) can reach parameter 'space' of addOne (u16) through parameter 'v' of byTest (line 28), through parameter 'v' of passedOn (line 78): values 0x10000..0xFFFFFFFF would be truncated
    orNull(op.space, new long[1]);
    orNull(op.space, null);
    //       ^[abiguard:narrowing] field ChosenOp.space (u32) can reach parameter 'space' of addOne (u16) through parameter 'v' of orNull (line 87): values 0x10000..0xFFFFFFFF would be truncated
    // a size the call does not fix takes either path
    byTest(op.space, size);
    //       ^[abiguard:narrowing] field ChosenOp.space (u32) can reach parameter 'space' of addOne (u16) through parameter 'v' of byTest (line 28): values 0x10000..0xFFFFFFFF would be truncated
    Size half = Size.HALF;
    byTest(op.space, half);
    //       ^[abiguard:narrowing] field ChosenOp.space (u32) can reach parameter 'space' of addOne (u16) through parameter 'v' of byTest (line 28): values 0x10000..0xFFFFFFFF would be truncated
  }

  // a local holding a constant: a test of it takes one branch, until the local is written
  static void local(ChosenOp op, int n) {
    Size chosen = Size.WORD;
    for (int i = 0; i < n; i++) {
      if (chosen == Size.HALF) {
        addOne((int) op.space);
        //     ^[abiguard:narrowing] field ChosenOp.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
      }
      chosen = Size.HALF;
    }
  }

  // a method that also names its constant in a message, or tests a copy of it, chooses the same way
  static void byLogged(long v, Size size) {
    note("size " + size);
    note(String.format("as %s", size.name()));
    Size copy = size;
    switch (copy) {
      case HALF -> addOne((int) v);
      case WORD -> addWide(v);
    }
  }

  static void note(String text) {
    System.err.println("chosen: " + text);
  }

  static void orThrow(long v, String name) {
    if (!"half".equals(name) && !"word".equals(name)) {
      throw new IllegalArgumentException("no size " + name);
    }
    if (name.equals("half")) {
      addOne((int) v);
    }
  }

  static void described(ChosenOp op) {
    byLogged(op.space, Size.WORD);
    byLogged(op.space, Size.HALF);
    //         ^[abiguard:narrowing] field ChosenOp.space (u32) can reach parameter 'space' of addOne (u16) through parameter 'v' of byLogged (line 142): values 0x10000..0xFFFFFFFF would be truncated
    orThrow(op.space, "word");
    orThrow(op.space, "half");
    //        ^[abiguard:narrowing] field ChosenOp.space (u32) can reach parameter 'space' of addOne (u16) through parameter 'v' of orThrow (line 156): values 0x10000..0xFFFFFFFF would be truncated
  }

  // an enum whose constants say their field in the source: a test of the field, or of the
  // ordinal, takes the branch the constant passed takes
  enum Unit {
    BYTE(1),
    HALF(2),
    WORD(4);

    final int bytes;

    Unit(int bytes) {
      this.bytes = bytes;
    }
  }

  static void byBytes(long v, Unit unit) {
    if (unit.bytes < 4) {
      addOne((int) v);
    } else {
      addWide(v);
    }
  }

  static void byOrdinal(long v, Unit unit) {
    switch (unit.ordinal()) {
      case 2 -> addWide(v);
      default -> addOne((int) v);
    }
  }

  static void byFields(ChosenOp op) {
    byBytes(op.space, Unit.WORD);
    byBytes(op.space, Unit.HALF);
    //        ^[abiguard:narrowing] field ChosenOp.space (u32) can reach parameter 'space' of addOne (u16) through parameter 'v' of byBytes (line 185): values 0x10000..0xFFFFFFFF would be truncated
    byOrdinal(op.space, Unit.WORD);
    byOrdinal(op.space, Unit.BYTE);
    //          ^[abiguard:narrowing] field ChosenOp.space (u32) can reach parameter 'space' of addOne (u16) through parameter 'v' of byOrdinal (line 194): values 0x10000..0xFFFFFFFF would be truncated
    Unit word = Unit.WORD;
    if (word.bytes == 2) { // WORD's bytes are 4: never true
      addOne((int) op.space);
    }
  }
}

// another top-level class's method, read from its source parsed again, chooses the same way
final class OtherChoosers {
  static void bySwitch(long v, ChosenPaths.Size size) {
    switch (size) {
      case WORD:
        ChosenPaths.addWide(v);
        break;
      default:
        ChosenPaths.addOne((int) v);
        break;
    }
  }
}

class OtherChoosersCaller {
  static void run(ChosenOp op) {
    OtherChoosers.bySwitch(op.space, ChosenPaths.Size.WORD);
    OtherChoosers.bySwitch(op.space, ChosenPaths.Size.HALF);
    //                       ^[abiguard:narrowing] field ChosenOp.space (u32) can reach parameter 'space' of addOne (u16) through parameter 'v' of bySwitch (line 220): values 0x10000..0xFFFFFFFF would be truncated
  }
}
