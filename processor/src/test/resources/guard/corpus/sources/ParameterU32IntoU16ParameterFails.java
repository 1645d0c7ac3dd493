package corpus.sources;

import org.abiguard.U16;
import org.abiguard.U32;

class Grants {
  static void mapGrant(@U16 int ref) {}

  static void map(@U32 int ref) {
    mapGrant(ref);
    //       ^[abiguard:narrowing] parameter 'ref' of map (u32) can reach parameter 'ref' of mapGrant (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}
