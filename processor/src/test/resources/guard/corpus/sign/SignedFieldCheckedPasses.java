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

  static int apply(Adjust a) {
    if (a.delta < 0) {
      return -22;
    }
    setCredit(a.delta);
    return 0;
  }
}
