package corpus.suppression;

import org.abiguard.U16;
import org.abiguard.U32;

@SuppressWarnings("abiguard:narrowing")
class Legacy {
  static void addOne(@U16 int space) {}

  static void add(@U32 int space) {
    addOne(space);
  }
}
