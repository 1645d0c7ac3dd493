package corpus.refinement;

import org.abiguard.Abi;
import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U64;

class MapGrantRef {
  @U64 long hostAddr;
  @U32 long nrFrames;
}

class GrantMapping {
  static void copyBytes(@U16 int offset) {}

  static int grow(@U16 int frames) {
    return frames;
  }

  // a check of the low bits a cast kept says nothing of the bits it dropped:
  // 0x1_0000_0005 passes the check as 5, as Xen's space 0x10000 passed as 0
  static int offsetChecked(MapGrantRef op) {
    int off = (int) op.hostAddr;
    if (off < 0 || off >= 4096) {
      return -22;
    }
    copyBytes(off);
    //        ^[abiguard:narrowing] field MapGrantRef.hostAddr (u64) can reach parameter 'offset' of copyBytes (u16): values 0x10000..0xFFFFFFFFFFFFFFFF would be truncated
    return 0;
  }

  static int framesChecked(MapGrantRef op) {
    short n = (short) op.nrFrames;
    if (n < 0) {
      return -22;
    }
    return grow(n);
    //          ^[abiguard:narrowing] field MapGrantRef.nrFrames (u32) can reach parameter 'frames' of grow (u16): values -0x8000..-0x1 and 0x10000..0xFFFFFFFF would be truncated
  }

  static void helperCheckOfTheCastValue(MapGrantRef op) {
    int off = (int) op.hostAddr;
    Abi.checkU16(off);
    copyBytes(off);
    //        ^[abiguard:narrowing] field MapGrantRef.hostAddr (u64) can reach parameter 'offset' of copyBytes (u16): values 0x10000..0xFFFFFFFFFFFFFFFF would be truncated
  }
}
