package corpus.sources;

import org.abiguard.AbiStruct;
import org.abiguard.Pointer;
import org.abiguard.U32;

@AbiStruct(name = "xen_memory_exchange")
class MemoryExchange {
  @Pointer long extentStart;
}

class Exchange {
  static void copyToGuest(@U32 long guestAddress) {}

  static void run(MemoryExchange x) {
    copyToGuest(x.extentStart);
    //           ^[abiguard:narrowing] field MemoryExchange.extentStart (pointer: u64 on x86_64) can reach parameter 'guestAddress' of copyToGuest (u32)
  }
}
