package corpus.sinks;

import java.util.Arrays;
import org.abiguard.AbiArray;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "port_batch")
class PortBatch {
  @U16 @AbiArray(2) public int[] ports;
}

@AbiStruct(name = "wide_port_batch")
class WidePortBatch {
  @U32 @AbiArray(2) public int[] ports;
}

// a.clone(), Arrays.copyOf and Arrays.copyOfRange make an array that holds what a holds
class PortCopies {
  static void copiedFromAWiderArray(PortBatch p, WidePortBatch w) {
    p.ports = w.ports.clone();
    //         ^[abiguard:narrowing] element of field WidePortBatch.ports (u32) can reach element of field PortBatch.ports (u16), through array w.ports.clone() (stored into the field on line 22): values 0x10000..0xFFFFFFFF would be truncated
  }

  static void writtenThenCopied(PortBatch p, @U32 int port) {
    int[] t = new int[2];
    t[1] = port;
    //     ^[abiguard:narrowing] parameter 'port' of writtenThenCopied (u32) can reach element of field PortBatch.ports (u16), through array Arrays.copyOf(t, 2) (stored into the field on line 30): values 0x10000..0xFFFFFFFF would be truncated
    p.ports = Arrays.copyOf(t, 2);
  }

  static void rangeOfAWiderArray(PortBatch p, WidePortBatch w) {
    int[] t = Arrays.copyOfRange(w.ports, 0, 2);
    //                            ^[abiguard:narrowing] element of field WidePortBatch.ports (u32) can reach element of field PortBatch.ports (u16), through local array t (stored into the field on line 36): values 0x10000..0xFFFFFFFF would be truncated
    p.ports = t;
  }

  static void copiedFromTheSameWidth(PortBatch p, PortBatch q, @U16 int port) {
    p.ports = q.ports.clone();
    int[] t = Arrays.copyOf(q.ports, 2);
    t[0] = port;
    p.ports = t;
  }
}
