package corpus.refinement;

import org.abiguard.U16;
import org.abiguard.U32;

class HalfChecks {
  @U32 int space;

  static void put16(@U16 int v) {}

  static void put32(@U32 long v) {}

  static int wrongWayRound(@U32 int s) {
    if ((s >>> 16) == 0) {
      return -22;
    }
    put16(s);
    //    ^[abiguard:narrowing] parameter 's' of wrongWayRound (u32) can reach parameter 'v' of put16 (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }

  // c may be a plain value, which s >>> 16 may equal
  static int againstAPlainValue(@U32 int s, boolean zero, int plain) {
    int c = zero ? 0 : plain;
    if ((s >>> 16) != c) {
      return -22;
    }
    put16(s);
    //    ^[abiguard:narrowing] parameter 's' of againstAPlainValue (u32) can reach parameter 'v' of put16 (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }

  static int upperOnlyInsideTheCheck(HalfChecks a) {
    int s;
    if ((s = a.space) > 0xFFFF) {
      return -22;
    }
    put16(s);
    //    ^[abiguard:narrowing] field HalfChecks.space (u32) can reach parameter 'v' of put16 (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }

  static int shiftByAnUncheckedRawAmount(@U32 int order) {
    if (order > 18) {
      return -22;
    }
    put32(1L << order);
    //       ^[abiguard:narrowing] expression `1L << order` can reach parameter 'v' of put32 (u32)
    return 0;
  }
}
