package corpus.refinement;

import org.abiguard.Abi;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U8;

@AbiStruct(name = "map_op2")
class MapOp2 {
  @U32 public long space;
  @U32 public long idx;
}

class CheckStatementBounds {
  static void put16(@U16 int v) {}

  static void put8(@U8 int v) {}

  static void otherField(MapOp2 op) {
    Abi.checkU16(op.space);
    put16((int) op.idx);
    //    ^[abiguard:narrowing] field MapOp2.idx (u32) can reach parameter 'v' of put16 (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  static void widerThanTheSink(MapOp2 op) {
    Abi.checkU16(op.space);
    put8((int) op.space);
    //   ^[abiguard:narrowing] field MapOp2.space (u32) can reach parameter 'v' of put8 (u8): values 0x100..0xFFFF would be truncated
  }

  static void writtenAfter(MapOp2 op, @U32 long later) {
    Abi.checkU16(op.space);
    op.space = later;
    put16((int) op.space);
    //    ^[abiguard:narrowing] parameter 'later' of writtenAfter (u32) can reach parameter 'v' of put16 (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}
