package corpus.arithmetic;

import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U8;

class Unsigned {
  static void put32(@U32 long v) {}

  static void put16(@U16 int v) {}

  static void put8(@U8 int v) {}

  static void convert(@U32 int raw, @U8 byte flags, @U16 short port) {
    put32(Integer.toUnsignedLong(raw));
    put16(Integer.divideUnsigned(raw, 0x10000));
    put16(Integer.remainderUnsigned(raw, 4096));
    put8(Byte.toUnsignedInt(flags));
    put16(Short.toUnsignedInt(port));
    put32(raw & 0xFFFFFFFFL);
  }
}
