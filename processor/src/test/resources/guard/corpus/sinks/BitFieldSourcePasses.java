package corpus.sinks;

import org.abiguard.AbiBits;
import org.abiguard.AbiStruct;
import org.abiguard.U32;
import org.abiguard.U8;

@AbiStruct(name = "tcp_bits")
class TcpBits {
  @U32 @AbiBits(4) int doff;
  @U32 @AbiBits(28) int rest;
}

class Tcp {
  static void put(@U8 int v) {}

  static void run(TcpBits t) {
    put(t.doff);
    int words = t.doff * 4;
    put(words);
  }
}
