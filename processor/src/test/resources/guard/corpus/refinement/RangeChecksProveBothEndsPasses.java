package corpus.refinement;

import com.google.common.base.Preconditions;
import java.util.Objects;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// a check of a range, the JDK's or Guava's, proves both of its ends (or its start and its size)
// lie in 0..length once it returns: Objects.checkFromIndexSize(off, len, 0x10000) leaves off and
// len in 0..0x10000, and its result is off

// ALSO STRICT

@AbiStruct(name = "range_checked_req")
class RangeCheckedReq {
  @U32 public long off;
  @U32 public long len;
}

class RangeChecksProveBothEnds {
  static void take(@U16 int v) {}

  static void fromIndexSize(RangeCheckedReq r) {
    Objects.checkFromIndexSize(r.off, r.len, 0xFFFFL);
    take((int) r.off);
    take((int) r.len);
  }

  static void fromToIndex(RangeCheckedReq r) {
    take((int) Objects.checkFromToIndex(r.off, r.len, 0xFFFFL));
    take((int) r.len);
  }

  static void guava(int start, int end) {
    Preconditions.checkPositionIndexes(start, end, 0xFFFF);
    take(start);
    take(end);
  }
}
