package corpus.sign;

import org.abiguard.AbiStruct;
import org.abiguard.S32;
import org.abiguard.U32;

@AbiStruct(name = "xen_sysctl_adjust")
class Adjust {
  @S32 int delta;
}

class Sysctl {
  static void setCredit(@U32 long credit) {}

  static void apply(Adjust a) {
    setCredit(a.delta);
    //         ^[abiguard:sign] field Adjust.delta (s32) can reach parameter 'credit' of setCredit (u32): negative values -0x80000000..-0x1 would become huge u32 values
  }
}
