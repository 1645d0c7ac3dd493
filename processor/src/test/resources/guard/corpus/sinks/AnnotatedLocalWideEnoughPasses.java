package corpus.sinks;

import org.abiguard.U32;

class Handles {
  static long open(@U32 int handle) {
    @U32 long slot = Integer.toUnsignedLong(handle);
    return slot;
  }
}
