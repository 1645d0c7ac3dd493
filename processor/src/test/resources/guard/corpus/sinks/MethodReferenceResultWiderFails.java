package corpus.sinks;

import org.abiguard.U16;
import org.abiguard.U32;

interface DomIdSource {
  @U16 int domid();
}

class Sources {
  static @U32 int currentSpace() {
    return 0;
  }

  static @U16 int currentDomid() {
    return 0;
  }

  static DomIdSource[] all() {
    DomIdSource good = Sources::currentDomid;
    DomIdSource bad = Sources::currentSpace;
    //                ^[abiguard:narrowing] result of Sources.currentSpace() (u32) can reach return value of domid (u16)
    return new DomIdSource[] {good, bad};
  }
}
