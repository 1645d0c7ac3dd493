package corpus.refinement;

import java.util.Objects;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// a range check proves 0..length of each end: a length a sink cannot hold, or one not known, leaves
// too much

// ALSO STRICT

@AbiStruct(name = "range_unchecked_req")
class RangeUncheckedReq {
  @U32 public long off;
  @U32 public long len;
}

class RangeChecksThatProveTooLittle {
  static void take(@U16 int v) {}

  // the length itself may be 0x10000, which a u16 cannot hold
  static void lengthTooLong(RangeUncheckedReq r) {
    Objects.checkFromIndexSize(r.off, r.len, 0x10000L);
    take((int) r.off);
    //   ^[abiguard:narrowing] field RangeUncheckedReq.off (u32) can reach parameter 'v' of take (u16): values 0x10000 would be truncated
  }

  // a length not known bounds nothing
  static void unknownLength(RangeUncheckedReq r, long limit) {
    Objects.checkFromToIndex(r.off, r.len, limit);
    take((int) r.len);
    //   ^[abiguard:narrowing] field RangeUncheckedReq.len (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}
