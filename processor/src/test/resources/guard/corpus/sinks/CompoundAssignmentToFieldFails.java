package corpus.sinks;

import org.abiguard.AbiStruct;
import org.abiguard.U16;

@AbiStruct(name = "ring_header")
class RingHeader {
  @U16 int producer;
  @U16 int length;
}

class Ring {
  static void append(RingHeader h, @U16 int bytes) {
    h.length += bytes;
    //       ^[abiguard:narrowing] expression `h.length + bytes` can reach field RingHeader.length (u16): values 0x10000..0x1FFFE would be truncated
  }
}
