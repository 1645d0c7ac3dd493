// JAVA: 21
package corpus.arithmetic;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "vring_used_elem_len")
class UsedLen {
  @U32 public long len;
}

// Math.clamp(value, min, max) is max(min, min(value, max)): its result lies within the bounds
class Clamps {
  static void copy16(@U16 int len) {}

  static void clamped(UsedLen e) {
    copy16(Math.clamp(e.len, 0, 0xFFFF));
  }

  static void offByOne(UsedLen e) {
    copy16(Math.clamp(e.len, 0, 0x10000));
    //               ^[abiguard:narrowing] field UsedLen.len (u32) can reach parameter 'len' of copy16 (u16): values 0x10000 would be truncated
  }

  static void plainBounded(long anything) {
    copy16(Math.clamp(anything, 1, 4096));
  }
}
