package corpus.arithmetic;

import org.abiguard.AbiStruct;
import org.abiguard.U32;

@AbiStruct(name = "ring_hdr")
class RingHdr {
  @U32 public long size;
}

// in lenient mode a constant shifted by a plain value is a plain value, as a constant plus a plain
// value is: the ring's order was checked, but lenient mode does not follow plain values
class Ring {
  final RingHdr hdr = new RingHdr();

  Ring(int order) {
    if (order < 4 || order > 24) {
      throw new IllegalArgumentException("order " + order);
    }
    int size = 1 << order;
    hdr.size = size;
  }
}
