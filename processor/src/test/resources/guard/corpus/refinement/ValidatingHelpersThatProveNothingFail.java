package corpus.refinement;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// validation methods that do not prove what their callers use: a bound too wide, a way out
// before the check, a check of the parameter after writing it, a body the guard does not follow
// (a try statement, a method a subclass may override), and the use in the catch block where the
// check threw

// ALSO STRICT

@AbiStruct(name = "loose_validated_map")
class LooseValidatedMap {
  @U32 public long space;
  @U32 public long idx;
}

class ValidatingHelpersThatProveNothing {
  static void addOne(@U16 int space) {}

  private static void requireU17(long v) {
    if (v > 0x1FFFF) {
      throw new IllegalArgumentException("too big");
    }
  }

  private static void requireUnlessLax(long v, boolean lax) {
    if (lax) {
      return;
    }
    if (v > 0xFFFF) {
      throw new IllegalArgumentException("too big");
    }
  }

  private static void requireMasked(long v) {
    v &= 0xFFFF;
    if (v > 0xFFFF) {
      throw new IllegalArgumentException("too big");
    }
  }

  private static void requireGuarded(long v) {
    try {
      if (v > 0xFFFF) {
        throw new IllegalArgumentException("too big");
      }
    } finally {
      System.out.flush();
    }
  }

  // a subclass may override it with one that checks nothing
  void requireOverridable(long v) {
    if (v > 0xFFFF) {
      throw new IllegalArgumentException("too big");
    }
  }

  private static void requireIdx(LooseValidatedMap m) {
    if (m.idx > 0xFFFF) {
      throw new IllegalArgumentException("idx");
    }
  }

  static void tooWide(LooseValidatedMap m) {
    requireU17(m.space);
    addOne((int) m.space);
    //     ^[abiguard:narrowing] field LooseValidatedMap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0x1FFFF would be truncated
  }

  static void lax(LooseValidatedMap m, boolean quick) {
    requireUnlessLax(m.space, quick);
    addOne((int) m.space);
    //     ^[abiguard:narrowing] field LooseValidatedMap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  static void masked(LooseValidatedMap m) {
    requireMasked(m.space);
    addOne((int) m.space);
    //     ^[abiguard:narrowing] field LooseValidatedMap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  static void guarded(LooseValidatedMap m) {
    requireGuarded(m.space);
    addOne((int) m.space);
    //     ^[abiguard:narrowing] field LooseValidatedMap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void overridable(LooseValidatedMap m) {
    requireOverridable(m.space);
    addOne((int) m.space);
    //     ^[abiguard:narrowing] field LooseValidatedMap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  static void otherField(LooseValidatedMap m) {
    requireIdx(m);
    addOne((int) m.space);
    //     ^[abiguard:narrowing] field LooseValidatedMap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  static void inTheCatch(LooseValidatedMap m) {
    try {
      requireU17(m.idx);
      requireIdx(m);
      addOne((int) m.idx);
    } catch (IllegalArgumentException e) {
      addOne((int) m.idx);
      //     ^[abiguard:narrowing] field LooseValidatedMap.idx (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    }
  }
}
