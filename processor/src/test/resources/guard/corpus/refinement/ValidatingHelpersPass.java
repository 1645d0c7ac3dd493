package corpus.refinement;

import org.abiguard.Abi;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U8;

// a project's own validation methods: a helper that throws unless its argument fits returns only
// when it fits, so what follows the call has it checked, as after the comparison written out;
// a helper that always throws ends the path that calls it

// ALSO STRICT

@AbiStruct(name = "validated_map")
class ValidatedMap {
  @U32 public long space;
  @U32 public long idx;
}

final class ValidatingHelpers {
  static void addOne(@U16 int space) {}

  static void addIdx(@U8 int idx) {}

  private static void requireU16(long v, String what) {
    if (v < 0 || v > 0xFFFF) {
      throw new IllegalArgumentException(what + " does not fit 16 bits: " + v);
    }
  }

  // a check of the struct's fields, one after the other
  private static void requireValid(ValidatedMap m) {
    if (m.space > 0xFFFF) {
      throw new IllegalArgumentException("space");
    }
    if (m.idx >= 0x100) {
      throw new IllegalArgumentException("idx");
    }
  }

  // a check delegated to Abi's
  private static void requireSpace(long space) {
    Abi.checkU16(space);
  }

  // always throws: the path that calls it ends there
  private static void reject(String why) {
    throw new IllegalArgumentException(why);
  }

  // returns a value and checks its argument on the way
  private static int checkedIdx(long idx) {
    if (idx > 0xFF) {
      throw new IllegalArgumentException("idx");
    }
    return 0;
  }

  // an early return that has already proved the range
  private static void requireSmall(long v) {
    if (v <= 0xFF) {
      return;
    }
    if (v > 0xFFFF) {
      throw new IllegalArgumentException("too big");
    }
  }

  private void requireIdx(ValidatedMap m) {
    if (m.idx > 0xFF) {
      reject("idx");
    }
  }

  static void byValue(ValidatedMap m) {
    requireU16(m.space, "space");
    addOne((int) m.space);
  }

  static void byStruct(ValidatedMap m) {
    requireValid(m);
    addOne((int) m.space);
    addIdx((int) m.idx);
  }

  static void delegated(ValidatedMap m) {
    requireSpace(m.space);
    addOne((int) m.space);
  }

  static int rejected(ValidatedMap m) {
    if (m.space > 0xFFFF) {
      reject("space");
    }
    addOne((int) m.space);
    return 0;
  }

  static void withValue(ValidatedMap m) {
    int unused = checkedIdx(m.idx);
    addIdx((int) m.idx + unused);
  }

  static void earlyReturn(ValidatedMap m) {
    requireSmall(m.space);
    addOne((int) m.space);
  }

  void instance(ValidatedMap m) {
    requireIdx(m);
    addIdx((int) m.idx);
  }

  static void ofALocal(ValidatedMap m) {
    long space = m.space;
    requireU16(space, "space");
    addOne((int) space);
  }

  static void otherClass(ValidatedMap m) {
    MapValidators.requireSpace(m);
    addOne((int) m.space);
  }

  static int caught(ValidatedMap m) {
    try {
      requireU16(m.space, "space");
    } catch (IllegalArgumentException e) {
      return -22;
    }
    addOne((int) m.space);
    return 0;
  }
}

final class MapValidators {
  private MapValidators() {}

  // another class's validator, read from its source parsed again
  static void requireSpace(ValidatedMap m) {
    long space = m.space;
    if (space > 0xFFFF) {
      throw new IllegalArgumentException("space " + space);
    }
  }
}
