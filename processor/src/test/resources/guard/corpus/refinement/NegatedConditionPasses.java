package corpus.refinement;

import org.abiguard.U16;
import org.abiguard.U32;

class Quota {
  static void setPages(@U16 int pages) {}

  static int apply(@U32 long pages) {
    if (!(pages <= 0xFFFF)) {
      return -22;
    }
    setPages((int) pages);
    return 0;
  }
}
