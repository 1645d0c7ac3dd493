package corpus.suppression;

import org.abiguard.U16;
import org.abiguard.U32;

class Legacy {
  static int addOne(@U16 int space) {
    return space;
  }

  static int add(@U32 int space) {
    @SuppressWarnings("abiguard")
    int result = addOne(space);
    return result;
  }
}
