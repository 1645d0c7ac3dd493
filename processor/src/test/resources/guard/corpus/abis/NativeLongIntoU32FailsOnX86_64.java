package corpus.abis;

import org.abiguard.NativeLong;
import org.abiguard.Pointer;
import org.abiguard.U32;

class Extents {
  @NativeLong long idx;
  @Pointer long handle;

  static void one(@U32 long idx) {}

  static void run(Extents t) {
    one(t.idx);
    //   ^[abiguard:narrowing] field Extents.idx (unsigned long: u64 on x86_64) can reach parameter 'idx' of one (u32): values 0x100000000..0xFFFFFFFFFFFFFFFF would be truncated
    one(t.handle);
    //   ^[abiguard:narrowing] field Extents.handle (pointer: u64 on x86_64) can reach parameter 'idx' of one (u32)
  }
}
