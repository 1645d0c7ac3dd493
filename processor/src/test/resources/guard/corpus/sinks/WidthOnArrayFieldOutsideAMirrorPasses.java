package corpus.sinks;

import org.abiguard.U16;
import org.abiguard.U32;

class CheckedPortTable {
  static @U16 int[] ports = new int[4];
  static @U32 long[] wide = new long[4];

  static int set(@U32 long v, int i) {
    if (v > 0xFFFF) {
      return -22;
    }
    ports[i] = (int) v;
    ports[i + 1] = ports[i] & 0xFF;
    wide[i] = ports[i];
    return 0;
  }
}
