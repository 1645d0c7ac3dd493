package corpus.arithmetic;

import org.abiguard.S16;
import org.abiguard.S8;
import org.abiguard.U16;
import org.abiguard.U32;

class IntegerMathInRange {
  static void put16(@U16 int v) {}

  static void putS8(@S8 int v) {}

  static void fits(@S16 short delta, @U32 long s, @U16 int small) {
    put16(Math.abs(delta));
    put16(Integer.min((int) s, 0xFFFF) & 0xFFFF);
    put16((int) Long.min(s, 0xFFFF));
    put16(Math.addExact(small & 0x7FFF, 0x8000));
    put16(Math.multiplyExact(small & 0xFF, 0x100));
    put16((int) Math.floorDiv(s, 0x10000));
    put16(Math.floorMod(s, 0x10000));
    putS8(Long.signum(s));
    putS8(Integer.signum(delta));
  }
}
