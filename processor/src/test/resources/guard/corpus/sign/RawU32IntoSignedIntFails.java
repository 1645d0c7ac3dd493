package corpus.sign;

import org.abiguard.S32;
import org.abiguard.U32;

class Scheduler {
  static void setSlice(@S32 int slice) {}

  static void adjust(@U32 int slice) {
    setSlice(slice);
    //       ^[abiguard:narrowing] parameter 'slice' of adjust (u32) can reach parameter 'slice' of setSlice (s32): values 0x80000000..0xFFFFFFFF would turn negative
  }
}
