package corpus.refinement;

import org.abiguard.U16;
import org.abiguard.U32;

class Quota {
  static void setPages(@U16 int pages) {}

  static void apply(@U32 long pages) {
    setPages((int) (pages > 0xFFFF ? 0xFFFF : pages));
  }
}
