package corpus.refinement;

import java.util.Objects;
import org.abiguard.U16;
import org.abiguard.U32;

class RawCopyPointer {
  @U32 int offset;
  @U32 int len;
  @U32 long space;
}

class UnprovenChecks {
  static void copyBytes(@U16 int offset) {}

  static int space(@U16 int space) {
    return space;
  }

  // raw u32s in ints may be negative in Java, and their sum wraps: the check bounds neither
  static int copy(RawCopyPointer p) {
    if (p.offset + p.len > 4096) {
      return -22;
    }
    copyBytes(p.offset);
    //         ^[abiguard:narrowing] field RawCopyPointer.offset (u32) can reach parameter 'offset' of copyBytes (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }

  // the cast keeps only 16 bits of a u32: case 2 is also 0x10002
  static int bySwitch(RawCopyPointer x) {
    switch ((short) x.space) {
      case 2:
        return space((int) x.space);
        //           ^[abiguard:narrowing] field RawCopyPointer.space (u32) can reach parameter 'space' of space (u16): values 0x10000..0xFFFFFFFF would be truncated
      default:
        return -22;
    }
  }

  static int checkIndexTooLong(RawCopyPointer x) {
    Objects.checkIndex(x.space, 0x10001L);
    return space((int) x.space);
    //           ^[abiguard:narrowing] field RawCopyPointer.space (u32) can reach parameter 'space' of space (u16): values 0x10000 would be truncated
  }

  static int fitsAnInt(RawCopyPointer x) {
    long s = x.space;
    if ((int) s != s) {
      return -22;
    }
    return space((int) s);
    //           ^[abiguard:narrowing] field RawCopyPointer.space (u32) can reach parameter 'space' of space (u16): values 0x10000..0x7FFFFFFF would be truncated
  }

  static void countDownFromU32(RawCopyPointer x) {
    long n = x.space;
    while (n-- > 0) {
      copyBytes((int) n);
      //        ^[abiguard:narrowing] expression `n - 1` can reach parameter 'offset' of copyBytes (u16): values 0x10000..0xFFFFFFFE would be truncated
    }
  }
}
