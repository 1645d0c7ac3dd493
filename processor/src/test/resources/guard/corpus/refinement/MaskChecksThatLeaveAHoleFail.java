package corpus.refinement;

import org.abiguard.AbiStruct;
import org.abiguard.S32;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "hole_op")
class HoleOp {
  @U32 public long space;
  @S32 public int delta;
}

class MaskHoles {
  static void addOne(@U16 int v) {}

  // 0xFF00 leaves bits 16 to 31: 0x10000 passes the check
  static int hole(HoleOp x) {
    long s = x.space;
    if ((s & 0xFF00L) != 0) {
      return -22;
    }
    addOne((int) s);
    //     ^[abiguard:narrowing] field HoleOp.space (u32) can reach parameter 'v' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }

  // bit 31 is not in the mask: 0x80000000 passes the check
  static int topBitLeft(HoleOp x) {
    long s = x.space;
    if ((s & 0x7FFF0000L) != 0) {
      return -22;
    }
    addOne((int) s);
    //     ^[abiguard:narrowing] field HoleOp.space (u32) can reach parameter 'v' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }

  // a negative s32 has its sign bit set, which the mask leaves
  static int signBitLeft(HoleOp x) {
    int d = x.delta;
    if ((d & 0x7FFF0000) != 0) {
      return -22;
    }
    addOne(d);
    //     ^[abiguard:narrowing] field HoleOp.delta (s32) can reach parameter 'v' of addOne (u16)
    return 0;
  }

  // the masked bits are set on this side
  static int wrongBranch(HoleOp x) {
    long s = x.space;
    if ((s & ~0xFFFFL) != 0) {
      addOne((int) s);
      //     ^[abiguard:narrowing] field HoleOp.space (u32) can reach parameter 'v' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    }
    return 0;
  }

  // c may be a plain value, which the masked bits may equal
  static int againstAPlainValue(HoleOp x, boolean zero, int plain) {
    long s = x.space;
    long c = zero ? 0 : plain;
    if ((s & ~0xFFFFL) != c) {
      return -22;
    }
    addOne((int) s);
    //     ^[abiguard:narrowing] field HoleOp.space (u32) can reach parameter 'v' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }

  // the other operand is not the checked one
  static int otherValue(HoleOp x, HoleOp y) {
    if ((x.space & ~0xFFFFL) != 0) {
      return -22;
    }
    addOne((int) y.space);
    //     ^[abiguard:narrowing] field HoleOp.space (u32) can reach parameter 'v' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }
}
