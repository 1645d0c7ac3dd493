package corpus.sinks;

import org.abiguard.AbiArray;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U8;

@AbiStruct(name = "netif_mac")
class NetifMac {
  @AbiArray(6) @U8 int[] mac;
}

class Mac {
  static void set(NetifMac m, @U16 int high, @U16 int low) {
    m.mac[0] = high >>> 8;
    m.mac[1] = high & 0xFF;
    m.mac[2] = low % 256;
  }
}
