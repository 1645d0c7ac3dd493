package corpus.refinement;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "stale_extent")
class StaleExtent {
  @U32 public long len;
}

// once the copy or the field is written, a check of one says nothing of the other
class StaleCopies {
  static void put16(@U16 int v) {}

  static int fieldWritten(StaleExtent e, StaleExtent f) {
    long len = e.len;
    e.len = f.len;
    if (len > 0xFFFF) {
      return -22;
    }
    put16((int) e.len);
    //    ^[abiguard:narrowing] field StaleExtent.len (u32) can reach parameter 'v' of put16 (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }

  static int copyWritten(StaleExtent e, StaleExtent f) {
    long len = e.len;
    len = f.len;
    if (len > 0xFFFF) {
      return -22;
    }
    put16((int) e.len);
    //    ^[abiguard:narrowing] field StaleExtent.len (u32) can reach parameter 'v' of put16 (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }

  static int otherStruct(StaleExtent e, StaleExtent f) {
    long len = e.len;
    if (len > 0xFFFF) {
      return -22;
    }
    put16((int) f.len);
    //    ^[abiguard:narrowing] field StaleExtent.len (u32) can reach parameter 'v' of put16 (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }

  // a cut copy is not the value
  static int truncatedCopy(StaleExtent e) {
    int low = (int) e.len;
    if (low < 0 || low > 0xFFFF) {
      return -22;
    }
    put16((int) e.len);
    //    ^[abiguard:narrowing] field StaleExtent.len (u32) can reach parameter 'v' of put16 (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }

  static int changedInALoop(StaleExtent e, int n) {
    long len = e.len;
    for (int i = 0; i < n; i++) {
      if (len > 0xFFFF) {
        return -22;
      }
      put16((int) e.len);
      //    ^[abiguard:narrowing] field StaleExtent.len (u32) can reach parameter 'v' of put16 (u16): values 0x10000..0xFFFFFFFF would be truncated
      len = len + 1;
    }
    return 0;
  }
}
