package corpus.sinks;

import org.abiguard.AbiArray;
import org.abiguard.AbiStruct;
import org.abiguard.U16;

@AbiStruct(name = "port_set")
class PortSet {
  @AbiArray(2) @U16 int[] ports = {1, 0x10000};
  //                                  ^[abiguard:narrowing] constant 0x10000 can reach element of field PortSet.ports (u16): values 0x10000 would be truncated
}

class Ports {
  static void bind(@U16 int... ports) {}

  static void fill(PortSet s, int i) {
    s.ports = new int[] {0xFFFF, 0x10000};
    //                           ^[abiguard:narrowing] constant 0x10000 can reach element of field PortSet.ports (u16): values 0x10000 would be truncated
    int[] alias = s.ports;
    alias[i] = 0x10001;
    //         ^[abiguard:narrowing] constant 0x10001 can reach element of field PortSet.ports (u16): values 0x10001 would be truncated
    alias[i] += 0x10000;
    //       ^[abiguard:narrowing] expression `alias[i] + 0x10000` can reach element of field PortSet.ports (u16): values 0x10000..0x1FFFF would be truncated
    bind(new int[] {0x10002});
    //              ^[abiguard:narrowing] constant 0x10002 can reach varargs parameter 'ports' of bind (u16): values 0x10002 would be truncated
    bind(new int[] {1, 2});
  }
}
