package corpus.sinks;

import org.abiguard.AbiStruct;
import org.abiguard.AbiUnion;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiUnion(name = "evtchn_port_u")
class PortU {
  @U16 int port16;
  @U32 long port32;
}

class Ports {
  static void set(PortU u, @U32 long port) {
    u.port32 = port;
    u.port16 = (int) port;
    //         ^[abiguard:narrowing] parameter 'port' of set (u32) can reach field PortU.port16 (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}
