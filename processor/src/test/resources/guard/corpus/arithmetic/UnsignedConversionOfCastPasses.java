package corpus.arithmetic;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U8;

@AbiStruct(name = "frame_op")
class FrameOp {
  @U32 public long space;
  @U32 public int raw;
}

class UnsignedConversions {
  static void put16(@U16 int v) {}

  static void put8(@U8 int v) {}

  static void put32(@U32 long v) {}

  // Short.toUnsignedInt keeps the low 16 bits whatever the cast before it dropped
  static void lowBits(FrameOp op, int plain) {
    put16(Short.toUnsignedInt((short) op.space));
    put8(Byte.toUnsignedInt((byte) op.space));
    put16((int) Short.toUnsignedLong((short) op.raw));
    put8((int) Byte.toUnsignedLong((byte) op.raw));
    put32(Integer.toUnsignedLong((int) op.space));
    put8(Byte.toUnsignedInt((byte) plain));
  }
}
