package corpus.suppression;

import org.abiguard.U16;
import org.abiguard.U32;

class Legacy {
  static void addOne(@U16 int space) {}

  @SuppressWarnings("abiguard")
  static void add(@U32 int space) {
    addOne(space);
  }
}
