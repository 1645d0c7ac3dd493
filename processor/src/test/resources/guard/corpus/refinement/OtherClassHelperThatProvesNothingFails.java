package corpus.refinement;

import static java.lang.Math.min;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U8;

@AbiStruct(name = "loose_map")
class LooseMap {
  @U32 public long space;
}

@AbiStruct(name = "loose_batch")
class LooseBatch {
  public LooseMap first = new LooseMap();
  public LooseMap second = new LooseMap();
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

  // a switch of a char and an int constant the char can hold: a char (JLS 5.6)
  static int lowOrSeven(LooseMap m, int k) {
    return switch (k) {
      case 0 -> (char) m.space;
      case 1 -> -(-1);
      default -> 7;
    };
  }

  // a switch of a char and an int of a switch of constants, never a constant: an int
  static int lowOrChoice(LooseMap m, int k) {
    return switch (k) {
      case 0 -> (char) m.space;
      default -> 7 ^ switch (3) {
        case 1 -> 7;
        default -> 1;
      };
    };
  }

  // a local of a class type given another object before its check
  static boolean secondFits(LooseBatch b) {
    LooseMap checked = b.first;
    checked = b.second;
    return checked.space <= 0xFFFF;
  }

  // a switch statement whose bound is too wide for one kind
  static boolean fitsKind(long v, int kind) {
    switch (kind) {
      case 0:
        return v <= 0xFFFF;
      default:
        return v <= 0x1FFFF;
    }
  }

  // a switch statement's case that assigns a local of an earlier case, too wide
  static int lowOf(int kind, long v) {
    switch (kind) {
      case 0:
        var low = v & 0xFFFF;
        return (int) low;
      default:
        low = v & 0x1FFFF;
        return (int) low;
    }
  }

  // ?: of a byte and an int that is not a constant: an int
  static int pageOrNone(LooseMap m, boolean none) {
    return none ? (byte) 0 : (int) (m.space >>> 8);
  }
}

final class OtherClassHelpersThatProveNothing {
  static void addOne(@U16 int space) {}

  static void addByte(@U8 int b) {}

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

  // the helper checked b.second, not b.first
  static void checkedAnother(LooseBatch b) {
    if (LooseChecks.secondFits(b)) {
      addOne((int) b.first.space);
      //     ^[abiguard:narrowing] field LooseMap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    }
  }

  // switch statements: a bound too wide for one kind, a local of one case assigned in another
  static void switchStatements(LooseMap m, int kind) {
    if (LooseChecks.fitsKind(m.space, kind)) {
      addOne((int) m.space);
      //     ^[abiguard:narrowing] field LooseMap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0x1FFFF would be truncated
    }
    addOne(LooseChecks.lowOf(kind, m.space));
    //                      ^[abiguard:narrowing] expression `v & 0x1FFFF` returned by lowOf() can reach parameter 'space' of addOne (u16): values 0x10000..0x1FFFF would be truncated
  }

  // the type of a switch of a char and int constants, and of a char and a switch
  static void charSwitches(LooseMap m) {
    addByte(LooseChecks.lowOrSeven(m, 0));
    //                            ^[abiguard:narrowing] field LooseMap.space (u32) returned by lowOrSeven() can reach parameter 'b' of addByte (u8): values 0x100..0xFFFFFFFF would be truncated
    addByte(LooseChecks.lowOrChoice(m, 0));
    //                             ^[abiguard:narrowing] field LooseMap.space (u32) returned by lowOrChoice() can reach parameter 'b' of addByte (u8): values 0x100..0xFFFFFFFF would be truncated
  }

  // a helper that returns a field reads it
  static void readThrough(LooseMap m) {
    addOne((int) LooseChecks.spaceOf(m));
    //     ^[abiguard:narrowing] field LooseMap.space (u32) returned by spaceOf() can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}
