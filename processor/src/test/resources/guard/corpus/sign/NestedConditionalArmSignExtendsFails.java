package corpus.sign;

import org.abiguard.U32;

// an arm of a nested conditional is widened to the outer conditional's type: a u32's raw bits
// in an int become negative longs there
class NestedArms {
  static void store(@U32 long value) {}

  static void run(@U32 long a, boolean c, boolean d) {
    store(c ? 5L : (d ? (int) a : 0));
    //                  ^[abiguard:sign] parameter 'a' of run (u32) can reach parameter 'value' of store (u32) through Java's sign-extending widening: raw u32 values 0x80000000..0xFFFFFFFF arrive as -0x80000000..-0x1
  }
}
