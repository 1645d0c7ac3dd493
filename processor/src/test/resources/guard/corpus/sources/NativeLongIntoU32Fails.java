package corpus.sources;

import org.abiguard.AbiStruct;
import org.abiguard.NativeLong;
import org.abiguard.U32;

@AbiStruct(name = "xen_pod_target")
class PodTarget {
  @NativeLong long targetPages;
}

class PopulateOnDemand {
  static void setTarget(@U32 long pages) {}

  static void apply(PodTarget t) {
    setTarget(t.targetPages);
    //         ^[abiguard:narrowing] field PodTarget.targetPages (unsigned long: u64 on x86_64) can reach parameter 'pages' of setTarget (u32): values 0x100000000..0xFFFFFFFFFFFFFFFF would be truncated
  }
}
