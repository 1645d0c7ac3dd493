package corpus.refinement;

import java.util.Objects;
import org.abiguard.U16;
import org.abiguard.U32;

class CopyPointer {
  @U32 long offset;
  @U32 long len;
  @U32 long space;
}

class CopyRequest {
  @U16 int count;
}

// checks as Xen's C and careful Java write them, each of which proves the range it tests
class XenStyleChecks {
  static final int PAGE_SIZE = 4096;

  static void copyBytes(@U16 int offset, @U16 int length) {}

  static int space(@U16 int space) {
    return space;
  }

  static void slot(@U16 int index) {}

  // a check of a sum bounds both parts, neither being negative (gnttab_copy)
  static int copy(CopyPointer p) {
    if (p.offset + p.len > PAGE_SIZE) {
      return -22;
    }
    copyBytes((int) p.offset, (int) p.len);
    return 0;
  }

  // a switch on a cast that keeps the value whole: its cases are the value's
  static int bySwitch(CopyPointer x) {
    switch ((int) x.space) {
      case 0:
      case 2:
        return space((int) x.space);
      default:
        return -22;
    }
  }

  // a count taken down to zero in the condition
  static void countDown(CopyRequest r) {
    int n = r.count;
    while (n-- > 0) {
      slot(n);
    }
    int m = r.count;
    while (--m >= 0) {
      slot(m);
    }
  }

  static int signedShift(CopyPointer x) {
    if ((x.space >> 16) != 0) {
      return -22;
    }
    return space((int) x.space);
  }

  static int signedCompare(CopyPointer x) {
    if (Long.compare(x.space, 0xFFFF) > 0) {
      return -22;
    }
    return space((int) x.space);
  }

  static int checkIndex(CopyPointer x) {
    Objects.checkIndex(x.space, 0x10000L);
    return space((int) x.space);
  }

  static int fitsAChar(CopyPointer x) {
    long s = x.space;
    if ((char) s != s) {
      return -22;
    }
    return space((int) s);
  }
}
