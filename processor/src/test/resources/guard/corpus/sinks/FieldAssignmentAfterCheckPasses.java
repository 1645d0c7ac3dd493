package corpus.sinks;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "evtchn_bind_interdomain")
class BindInterdomain {
  @U16 int remoteDom;
  @U32 int remotePort;
}

class Binder {
  static int fill(BindInterdomain b, @U32 long dom) {
    if (dom > 0xFFFF) {
      return -22;
    }
    b.remoteDom = (int) dom;
    return 0;
  }
}
