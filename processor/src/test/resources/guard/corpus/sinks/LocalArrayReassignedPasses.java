package corpus.sinks;

import org.abiguard.AbiArray;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "port_batch")
class PortBatch {
  @U16 @AbiArray(2) public int[] ports;
}

class PortBatchWrites {
  // what was written into the array a local referred to before stays with that array
  static void reassignedBeforeTheStore(PortBatch e, @U32 long raw) {
    int[] t = new int[2];
    t[0] = (int) raw;
    t = new int[2];
    e.ports = t;
  }

  static void fieldAliasReassigned(PortBatch e, @U32 long raw) {
    int[] p = e.ports;
    p = new int[2];
    p[0] = (int) raw;
  }

  static void freshArrayEachIteration(PortBatch[] all, @U32 long raw) {
    for (PortBatch e : all) {
      int[] t = new int[2];
      e.ports = t;
      t = new int[2];
      t[0] = (int) raw;
    }
  }

  static void checkedBeforeTheWrite(PortBatch e, @U32 long raw, int[] plain) {
    int[] t = plain;
    if (raw > 0xFFFF) {
      return;
    }
    t[0] = (int) raw;
    e.ports = t;
  }
}
