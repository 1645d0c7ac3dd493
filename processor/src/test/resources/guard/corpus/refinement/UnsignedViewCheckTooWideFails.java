package corpus.refinement;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "view_op2")
class ViewOp2 {
  @U32 public int raw;
  @U32 public int other;
}

class UnsignedViewsTooWide {
  static void put16(@U16 int v) {}

  static void tooWide(ViewOp2 op) {
    if (Integer.toUnsignedLong(op.raw) > 0x1FFFF) {
      return;
    }
    put16(op.raw);
    //      ^[abiguard:narrowing] field ViewOp2.raw (u32) can reach parameter 'v' of put16 (u16): values 0x10000..0x1FFFF would be truncated
  }

  static void otherField(ViewOp2 op) {
    if (Integer.toUnsignedLong(op.raw) > 0xFFFF) {
      return;
    }
    put16(op.other);
    //      ^[abiguard:narrowing] field ViewOp2.other (u32) can reach parameter 'v' of put16 (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  static void upperHalf(ViewOp2 op) {
    if (Integer.toUnsignedLong(op.raw) < 0x80000000L) {
      return;
    }
    put16(op.raw);
    //      ^[abiguard:narrowing] field ViewOp2.raw (u32) can reach parameter 'v' of put16 (u16): values 0x80000000..0xFFFFFFFF would be truncated
  }
}
