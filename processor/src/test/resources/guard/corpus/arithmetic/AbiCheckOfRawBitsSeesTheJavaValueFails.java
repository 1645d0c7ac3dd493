package corpus.arithmetic;

import org.abiguard.Abi;
import org.abiguard.AbiStruct;
import org.abiguard.U32;
import org.abiguard.U64;

/**
 * A u64 in a long holds raw bits: from 2^63 up, Java's long is negative, and Abi.checkS16 lets a
 * small negative one through. The result can be negative, which a u32 cannot take.
 */
@AbiStruct(name = "extent")
class Extent {
  @U64 long start;
}

class Extents {
  static void put(@U32 long value) {}

  static void show(Extent x) {
    put(Abi.checkS16(x.start));
    //              ^[abiguard:sign] result of Abi.checkS16(...) (s16) can reach parameter 'value' of put (u32): negative values -0x8000..-0x1 would become huge u32 values
    put(Abi.checkU16(x.start));
  }
}
