package corpus.sinks;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "evtchn_bind_interdomain")
class BindInterdomain {
  @U16 int remoteDom;
  @U32 int remotePort;
  @U32 int localPort;
}

class Binder {
  static void fill(BindInterdomain b, @U32 int dom) {
    b.remotePort = dom;
    b.remoteDom = dom;
    //            ^[abiguard:narrowing] parameter 'dom' of fill (u32) can reach field BindInterdomain.remoteDom (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}
