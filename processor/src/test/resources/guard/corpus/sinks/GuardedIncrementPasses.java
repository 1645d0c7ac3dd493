package corpus.sinks;

import org.abiguard.AbiStruct;
import org.abiguard.U8;

@AbiStruct(name = "vcpu_info")
class VcpuInfo {
  @U8 int pendingUpcalls;
}

class Upcalls {
  static boolean raise(VcpuInfo v) {
    if (v.pendingUpcalls < 0xFF) {
      v.pendingUpcalls++;
      return true;
    }
    return false;
  }
}
