package corpus.sinks;

import org.abiguard.AbiStruct;
import org.abiguard.U8;

@AbiStruct(name = "vcpu_info")
class VcpuInfo {
  @U8 int pendingUpcalls;
}

class Upcalls {
  static void raise(VcpuInfo v) {
    v.pendingUpcalls++;
    //              ^[abiguard:narrowing] expression `v.pendingUpcalls + 1` can reach field VcpuInfo.pendingUpcalls (u8): values 0x100 would be truncated
  }
}
