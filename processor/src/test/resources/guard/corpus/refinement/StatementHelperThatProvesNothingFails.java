package corpus.refinement;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "loose_stated_map")
class LooseStatedMap {
  @U32 public long space;
  @U32 public long idx;
}

final class StatementHelpersThatProveNothing {
  static void addOne(@U16 int space) {}

  private static boolean fitsU17(long v) {
    if (v < 0) {
      return false;
    }
    return v <= 0x1FFFF;
  }

  // one return forgets the check
  private static boolean leaky(long v, boolean quick) {
    if (quick) {
      return true;
    }
    return v >= 0 && v <= 0xFFFF;
  }

  // a check of the parameter after assigning it: it proves nothing of the value passed
  private static boolean reassigns(long v) {
    v = v & 0xFFFF;
    return v <= 0xFFFF;
  }

  // a try statement: not followed
  private static boolean guarded(long v) {
    try {
      return v >= 0 && v <= 0xFFFF;
    } finally {
      System.out.flush();
    }
  }

  private static int low17(long v) {
    int low = (int) (v & 0xFFFF);
    if (v > 0x1FFFF) {
      return low;
    }
    return (int) v;
  }

  // a bound too wide
  static int tooWide(LooseStatedMap m) {
    if (!fitsU17(m.space)) {
      return -22;
    }
    addOne((int) m.space);
    //     ^[abiguard:narrowing] field LooseStatedMap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0x1FFFF would be truncated
    return 0;
  }

  // the check's other outcome
  static int wrongSide(LooseStatedMap m) {
    if (fitsU17(m.space)) {
      return -22;
    }
    addOne((int) m.space);
    //     ^[abiguard:narrowing] field LooseStatedMap.space (u32) can reach parameter 'space' of addOne (u16): values 0x20000..0xFFFFFFFF would be truncated
    return 0;
  }

  static int leak(LooseStatedMap m) {
    if (!leaky(m.space, m.idx == 0)) {
      return -22;
    }
    addOne((int) m.space);
    //     ^[abiguard:narrowing] field LooseStatedMap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }

  static int reassigned(LooseStatedMap m) {
    if (!reassigns(m.space)) {
      return -22;
    }
    addOne((int) m.space);
    //     ^[abiguard:narrowing] field LooseStatedMap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }

  static int withTry(LooseStatedMap m) {
    if (!guarded(m.space)) {
      return -22;
    }
    addOne((int) m.space);
    //     ^[abiguard:narrowing] field LooseStatedMap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }

  // statements of another top-level class: a bound too wide there
  static int otherClass(LooseStatedMap m) {
    if (!StatedChecksElsewhere.fitsU17(m.space)) {
      return -22;
    }
    addOne((int) m.space);
    //     ^[abiguard:narrowing] field LooseStatedMap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0x1FFFF would be truncated
    return 0;
  }

  // statements of another top-level class with a local of a generic type: not followed
  static int otherClassNotFollowed(LooseStatedMap m) {
    if (!StatedChecksElsewhere.fitsNamed(m.space)) {
      return -22;
    }
    addOne((int) m.space);
    //     ^[abiguard:narrowing] field LooseStatedMap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }

  // a clamp that writes its parameter, too wide, of the class and of another
  private static int clamp17(long v) {
    if (v > 0x1FFFF) {
      v = 0x1FFFF;
    }
    return (int) v;
  }

  static void tooWideClamps(LooseStatedMap m) {
    addOne(clamp17(m.space));
    //            ^[abiguard:narrowing] field LooseStatedMap.space (u32) returned by clamp17() can reach parameter 'space' of addOne (u16): values 0x10000..0x1FFFF would be truncated
    addOne(StatedChecksElsewhere.clamp17(m.idx));
    //                                  ^[abiguard:narrowing] field LooseStatedMap.idx (u32) returned by clamp17() can reach parameter 'space' of addOne (u16): values 0x10000..0x1FFFF would be truncated
  }

  static void tooWideMask(LooseStatedMap m) {
    addOne(low17(m.space));
    //          ^[abiguard:narrowing] field LooseStatedMap.space (u32) returned by low17() can reach parameter 'space' of addOne (u16): values 0x10000..0x1FFFF would be truncated
  }
}

final class StatedChecksElsewhere {
  private StatedChecksElsewhere() {}

  static boolean fitsU17(long v) {
    if (v < 0) {
      return false;
    }
    return v <= 0x1FFFF;
  }

  static int clamp17(long v) {
    if (v < 0 || v > 0x1FFFF) {
      v = 0x1FFFF;
    }
    return (int) v;
  }

  static boolean fitsNamed(long v) {
    java.util.List<String> names = java.util.List.of("space");
    if (v < 0 || names.isEmpty()) {
      return false;
    }
    return v <= 0xFFFF;
  }
}
