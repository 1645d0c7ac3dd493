package corpus.refinement;

import static java.lang.Math.min;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "loose_map")
class LooseMap {
  @U32 public long space;
}

final class LooseChecks {
  static final class Holder {
    static boolean fitsU17(long v) {
      return v >= 0 && v <= 0x1FFFF;
    }
  }

  static boolean fitsU16(long v) {
    return v >= 0 && v <= 0xFFFF;
  }

  static <T extends Number> boolean fitsAny(T v) {
    return v.longValue() >= 0 && v.longValue() <= 0xFFFF;
  }

  static boolean fitsAll(long... vs) {
    return vs.length == 1 && vs[0] >= 0 && vs[0] <= 0xFFFF;
  }

  static long spaceOf(LooseMap m) {
    return m.space;
  }

  // a statically imported method: followed
  static int clampWide(long v) {
    return (int) min(v, 0x1FFFF);
  }

  // ?: of a byte and an int that is not a constant: an int
  static int pageOrNone(LooseMap m, boolean none) {
    return none ? (byte) 0 : (int) (m.space >>> 8);
  }
}

final class OtherClassHelpersThatProveNothing {
  static void addOne(@U16 int space) {}

  // a bound too wide
  static int tooWide(LooseMap m) {
    if (!LooseChecks.Holder.fitsU17(m.space)) {
      return -22;
    }
    addOne((int) m.space);
    //     ^[abiguard:narrowing] field LooseMap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0x1FFFF would be truncated
    return 0;
  }

  // the check's other outcome
  static int wrongSide(LooseMap m) {
    if (LooseChecks.fitsU16(m.space)) {
      return -22;
    }
    addOne((int) m.space);
    //     ^[abiguard:narrowing] field LooseMap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }

  // generic and varargs helpers are not followed
  static int notFollowed(LooseMap m) {
    if (!LooseChecks.fitsAny(m.space) || !LooseChecks.fitsAll(m.space)) {
      return -22;
    }
    addOne((int) m.space);
    //     ^[abiguard:narrowing] field LooseMap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }

  // a bound too wide, through a static import
  static void clamped(LooseMap m) {
    addOne(LooseChecks.clampWide(m.space));
    //                          ^[abiguard:narrowing] field LooseMap.space (u32) returned by clampWide() can reach parameter 'space' of addOne (u16): values 0x10000..0x1FFFF would be truncated
  }

  // the int of ?: of a byte and an int
  static void pageOf(LooseMap m) {
    addOne(LooseChecks.pageOrNone(m, false));
    //                           ^[abiguard:narrowing] expression `m.space >>> 8` returned by pageOrNone() can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFF would be truncated
  }

  // a helper that returns a field reads it
  static void readThrough(LooseMap m) {
    addOne((int) LooseChecks.spaceOf(m));
    //     ^[abiguard:narrowing] field LooseMap.space (u32) returned by spaceOf() can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}
