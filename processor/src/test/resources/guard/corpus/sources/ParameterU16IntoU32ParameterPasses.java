package corpus.sources;

import org.abiguard.U16;
import org.abiguard.U32;

class Grants {
  static void mapGrant(@U32 long ref) {}

  static void map(@U16 int ref) {
    mapGrant(ref);
  }
}
