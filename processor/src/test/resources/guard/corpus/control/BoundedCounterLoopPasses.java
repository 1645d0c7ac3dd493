package corpus.control;

import org.abiguard.AbiArray;
import org.abiguard.AbiStruct;
import org.abiguard.U8;

@AbiStruct(name = "netif_mac")
class NetifMac {
  @AbiArray(6) @U8 int[] mac;
}

class Mac {
  static void fill(NetifMac m) {
    for (int i = 0; i < 6; i++) {
      m.mac[i] = i * 16;
    }
    int j = 0;
    while (j < 6) {
      m.mac[j] = 0xFF - j;
      j++;
    }
  }
}
