package corpus.arithmetic;

import org.abiguard.S32;
import org.abiguard.U16;
import org.abiguard.U32;

class IntegerMath {
  static void put16(@U16 int v) {}

  static void put32(@U32 long v) {}

  static void abs(@S32 int delta) {
    put16(Math.abs(delta));
    //            ^[abiguard:narrowing] parameter 'delta' of abs (s32) can reach parameter 'v' of put16 (u16): values -0x80000000..-0x1 and 0x10000..0x7FFFFFFF would be truncated
    int a = Math.abs(delta);
    if (a > 0xFFFF) {
      return;
    }
    put16(a); // Math.abs(Integer.MIN_VALUE) is negative
    //    ^[abiguard:sign] parameter 'delta' of abs (s32) can reach parameter 'v' of put16 (u16): negative values -0x80000000..-0x1 would become huge u16 values
  }

  static void minMax(@U32 long s) {
    put16(Integer.min((int) s, 0xFFFF));
    //               ^[abiguard:sign] parameter 's' of minMax (u32) can reach parameter 'v' of put16 (u16): negative values -0x80000000..-0x1 would become huge u16 values
    put16((int) Long.max(s, 1));
    //    ^[abiguard:narrowing] parameter 's' of minMax (u32) can reach parameter 'v' of put16 (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  static void exact(@U16 int s) {
    put16(Math.addExact(s, 1));
    //                 ^[abiguard:narrowing] result of Math.addExact(...) can reach parameter 'v' of put16 (u16): values 0x10000 would be truncated
    put16(Math.subtractExact(s, 1));
    //                      ^[abiguard:sign] result of Math.subtractExact(...) can reach parameter 'v' of put16 (u16): negative values -0x1 would become huge u16 values
    put16(Math.multiplyExact(s, 2));
    //                      ^[abiguard:narrowing] result of Math.multiplyExact(...) can reach parameter 'v' of put16 (u16): values 0x10000..0x1FFFE would be truncated
  }

  static void division(@U32 long s, int plain) {
    put16((int) Math.floorDiv(s, 2));
    //    ^[abiguard:narrowing] result of Math.floorDiv(...) can reach parameter 'v' of put16 (u16): values 0x10000..0x7FFFFFFF would be truncated
    put16(Math.floorMod(plain, s > 5 ? 0x10001 : -3));
    //                 ^[abiguard:narrowing] result of Math.floorMod(...) can reach parameter 'v' of put16 (u16): values -0x2..-0x1 and 0x10000 would be truncated
  }

  static void sign(@S32 int d) {
    put32(Integer.signum(d));
    //                  ^[abiguard:sign] parameter 'd' of sign (s32) can reach parameter 'v' of put32 (u32): negative values -0x1 would become huge u32 values
  }
}
