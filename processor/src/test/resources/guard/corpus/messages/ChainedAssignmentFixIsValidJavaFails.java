package corpus.messages;

import org.abiguard.U16;
import org.abiguard.U32;

class Chain {
  @U32 int space;
  @U16 int narrow;

  void run(Chain x) {
    int b;
    narrow = b = x.space;
    //         ^[abiguard:narrowing] field Chain.space (u32) can reach field Chain.narrow (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}
