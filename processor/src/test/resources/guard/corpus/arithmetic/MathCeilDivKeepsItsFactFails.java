// JAVA: 21
package corpus.arithmetic;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "blk_req")
class BlkReq {
  @U32 public long len;
}

// Math.ceilDiv(x, y) is -floorDiv(-x, y): the quotient rounded up
class Sectors {
  static void sectors16(@U16 int n) {}

  static void unchecked(BlkReq r) {
    sectors16((int) Math.ceilDiv(r.len, 512));
    //        ^[abiguard:narrowing] result of Math.ceilDiv(...) can reach parameter 'n' of sectors16 (u16): values 0x10000..0x800000 would be truncated
  }

  static void checked(BlkReq r) {
    if (r.len > 0xFFFF * 512L) {
      return;
    }
    sectors16((int) Math.ceilDiv(r.len, 512));
  }
}
