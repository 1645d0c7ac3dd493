package corpus.refinement;

import org.abiguard.AbiStruct;
import org.abiguard.S32;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "mask_op")
class MaskOp {
  @U32 public long space;
  @U32 public int raw;
  @S32 public int delta;
}

class MaskChecks {
  static final long HIGH = ~0xFFFFL;

  static void addOne(@U16 int v) {}

  // a mask with every bit from 16 up to the top one the value can have: the rest is 0..0xFFFF
  static int complement(MaskOp x) {
    long s = x.space;
    if ((s & ~0xFFFFL) != 0) {
      return -22;
    }
    addOne((int) s);
    return 0;
  }

  // an int mask is sign-extended to a long: 0xFFFF0000 clears bits 16 to 63
  static int intMaskOnALong(MaskOp x) {
    long s = x.space;
    if ((s & 0xFFFF0000) != 0) {
      return -22;
    }
    addOne((int) s);
    return 0;
  }

  // a u32 is below 2^32: bits 16 to 31 are enough
  static int upperHalfOfAU32(MaskOp x) {
    if ((x.space & 0xFFFF0000L) != 0) {
      return -22;
    }
    addOne((int) x.space);
    return 0;
  }

  // raw bits in an int: the mask holds the sign bit
  static int rawBits(MaskOp x) {
    int s = x.raw;
    if ((0xFFFF0000 & s) != 0) {
      return -22;
    }
    addOne(s);
    return 0;
  }

  static int constantFirst(MaskOp x) {
    long s = x.space;
    if (0 == (HIGH & s)) {
      addOne((int) s);
    }
    return 0;
  }

  static int equalToZero(MaskOp x) {
    int d = x.delta;
    if ((d & ~0xFFFF) == 0) {
      addOne(d);
    }
    return 0;
  }
}
