package corpus.control;

import org.abiguard.U16;
import org.abiguard.U32;

class Deferred {
  static void addOne(@U16 int space) {}

  static Runnable later(@U32 long space) {
    if (space > 0xFFFF) {
      throw new IllegalArgumentException();
    }
    return () -> addOne((int) space);
  }
}
