package corpus.sinks;

import org.abiguard.U16;
import org.abiguard.U32;

interface HasPort {
  @U16
  int port();
}

// callers through HasPort trust a u16: an implementation that declares no result width returns
// what the interface declares, and is held to it
record WideSocket(@U32 int port) implements HasPort {}
//                         ^[abiguard:narrowing] record component port (u32) overrides HasPort.port, declared u16: callers through HasPort would receive values it does not declare

class RawSocket implements HasPort {
  @U32 int raw;

  @Override
  public int port() {
    return raw;
    //     ^[abiguard:narrowing] field RawSocket.raw (u32) can reach return value of port (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}

class Sockets {
  static HasPort anonymous(@U32 int raw) {
    return new HasPort() {
      @Override
      public int port() {
        return raw;
        //     ^[abiguard:narrowing] parameter 'raw' of anonymous (u32) can reach return value of port (u16): values 0x10000..0xFFFFFFFF would be truncated
      }
    };
  }
}
