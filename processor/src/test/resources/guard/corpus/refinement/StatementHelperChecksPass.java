package corpus.refinement;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// checks and masks written as a few statements, not one return: guard clauses, a local that
// keeps the result, a copy of a field, a loop; the guard follows their statements as it follows
// a one-expression helper

@AbiStruct(name = "stated_map")
class StatedMap {
  @U32 public long space;
  @U32 public long idx;
}

final class StatementHelperChecks {
  static void addOne(@U16 int space) {}

  private static boolean fitsU16(long v) {
    if (v < 0) {
      return false;
    }
    return v <= 0xFFFF;
  }

  private static boolean validSpace(StatedMap m) {
    long space = m.space;
    boolean ok = space <= 0xFFFF;
    for (int i = 0; i < 3; i++) {
      if (m.idx == i) {
        return ok;
      }
    }
    return ok;
  }

  private static int low16(long v) {
    int low = (int) (v & 0xFFFF);
    return low;
  }

  private static int clamp(long v) {
    if (v > 0xFFFF) {
      return 0xFFFF;
    } else if (v < 0) {
      return 0;
    }
    return (int) v;
  }

  // a clamp that writes its parameter
  private static int clampInPlace(long v) {
    if (v < 0) {
      v = 0;
    }
    if (v > 0xFFFF) {
      v = 0xFFFF;
    }
    return (int) v;
  }

  // a check of one parameter beside a write of another
  private static boolean spaceFits(long space, long idx) {
    idx &= 0xFF;
    return space <= 0xFFFF && idx < 0x100;
  }

  private static int pick(StatedMap m) {
    switch ((int) (m.idx & 3)) {
      case 0:
        return 0;
      case 1:
        return low16(m.space);
      default:
        return clamp(m.idx);
    }
  }

  static int add(StatedMap m) {
    if (!fitsU16(m.space)) {
      return -22;
    }
    addOne((int) m.space);
    return 0;
  }

  static int addValid(StatedMap m) {
    if (!validSpace(m)) {
      return -22;
    }
    addOne((int) m.space);
    return 0;
  }

  static int addIfNamedFits(StatedMap m) {
    if (!StatedClamps.fitsNamed(m.space)) {
      return -22;
    }
    addOne((int) m.space);
    return 0;
  }

  static int addIfSpaceFits(StatedMap m) {
    if (!spaceFits(m.space, m.idx)) {
      return -22;
    }
    addOne((int) m.space);
    return 0;
  }

  static void masked(StatedMap m) {
    addOne(clampInPlace(m.space));
    addOne(StatedClamps.clampInPlace(m.idx));
    addOne(low16(m.space));
    addOne(clamp(m.idx));
    addOne(pick(m));
  }
}

final class StatedClamps {
  private StatedClamps() {}

  // another class's check beside a local of a class type
  static boolean fitsNamed(long v) {
    String name = "space";
    if (v < 0 || name.isEmpty()) {
      return false;
    }
    return v <= 0xFFFF;
  }

  // another class's clamp that writes its parameter
  static int clampInPlace(long v) {
    if (v > 0xFFFF) {
      v = 0xFFFF;
    } else if (v < 0) {
      v = 0;
    }
    return (int) v;
  }
}
