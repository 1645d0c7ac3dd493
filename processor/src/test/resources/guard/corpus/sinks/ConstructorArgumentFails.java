package corpus.sinks;

import org.abiguard.U16;
import org.abiguard.U32;

class GrantEntry {
  final int domid;

  GrantEntry(@U16 int domid) {
    this.domid = domid;
  }
}

class GrantTable {
  static GrantEntry grant(@U32 int domid) {
    return new GrantEntry(domid);
    //                    ^[abiguard:narrowing] parameter 'domid' of grant (u32) can reach parameter 'domid' of constructor GrantEntry (u16)
  }
}
