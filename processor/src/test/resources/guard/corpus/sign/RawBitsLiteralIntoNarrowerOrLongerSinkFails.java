package corpus.sign;

import org.abiguard.U16;
import org.abiguard.U32;

class MaskSinks {
  static void put16(@U16 int v) {}

  static void set(@U32 int v) {}

  static void widen(@U32 long v) {}

  void run() {
    put16(0xFFFFFFFF);
    //    ^[abiguard:narrowing] constant 0xFFFFFFFF can reach parameter 'v' of put16 (u16): values 0xFFFFFFFF would be truncated
    widen(0xFFFFFFFF);
    //    ^[abiguard:sign] constant 0xFFFFFFFF can reach parameter 'v' of widen (u32) through Java's sign-extending widening: raw u32 values 0xFFFFFFFF arrive as -0x1
    set(-1);
    //  ^[abiguard:sign] constant -0x1 can reach parameter 'v' of set (u32): negative values -0x1 would become huge u32 values
  }
}
