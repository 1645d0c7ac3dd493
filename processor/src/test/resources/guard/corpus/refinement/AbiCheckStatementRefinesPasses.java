package corpus.refinement;

import org.abiguard.Abi;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U8;

@AbiStruct(name = "map_op")
class MapOp {
  @U32 public long space;
  @U32 public int raw;
}

class CheckStatements {
  static void put16(@U16 int v) {}

  static void put8(@U8 int v) {}

  // Abi.checkU16 throws unless its argument fits, so once it returns the value checked fits
  static void statement(MapOp op) {
    Abi.checkU16(op.space);
    put16((int) op.space);
  }

  static void resultUsed(MapOp op, @U32 long gpfn) {
    long sum = Abi.checkU8(gpfn) + Abi.checkU16(op.raw);
    put8((int) gpfn);
    put16(op.raw);
    put16((int) (sum >>> 1));
  }
}
