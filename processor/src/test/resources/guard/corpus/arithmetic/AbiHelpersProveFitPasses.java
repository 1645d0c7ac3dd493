package corpus.arithmetic;

import org.abiguard.Abi;
import org.abiguard.S16;
import org.abiguard.S32;
import org.abiguard.U32;
import org.abiguard.U64;
import org.abiguard.U8;

class Conversions {
  static void put8(@U8 int v) {}

  static void putS16(@S16 int v) {}

  static void put32(@U32 long v) {}

  static void run(@U64 long big, @S32 int delta) {
    put8(Abi.checkU8(big));
    put8(Abi.truncU8(big));
    putS16(Abi.checkS16(delta));
    put32(Abi.checkU32(big));
    put32(Abi.truncU32(big));
  }
}
