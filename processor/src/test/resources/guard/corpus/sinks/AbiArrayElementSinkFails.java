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
  static void set(NetifMac m, int i, @U16 int octet) {
    m.mac[i] = octet;
    //         ^[abiguard:narrowing] parameter 'octet' of set (u16) can reach element of field NetifMac.mac (u8): values 0x100..0xFFFF would be truncated
  }
}
