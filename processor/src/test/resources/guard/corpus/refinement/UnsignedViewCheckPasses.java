package corpus.refinement;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U8;

@AbiStruct(name = "view_op")
class ViewOp {
  @U32 public int raw;
  @U16 public short port;
}

class UnsignedViews {
  static void put16(@U16 int v) {}

  static void put8(@U8 int v) {}

  // Integer.toUnsignedLong(x) reads x's bits as unsigned: a check of it bounds x
  static void checkedRaw(ViewOp op) {
    if (Integer.toUnsignedLong(op.raw) > 0xFFFF) {
      return;
    }
    put16(op.raw);
  }

  static void checkedShort(ViewOp op) {
    if (Short.toUnsignedInt(op.port) >= 0x100) {
      return;
    }
    put8(op.port);
  }
}
