package corpus.refinement;

import org.abiguard.S32;
import org.abiguard.U16;

class Quota {
  static void setPages(@U16 int pages) {}

  static void apply(@S32 int pages) {
    if (pages >= 0 && pages <= 0xFFFF) {
      setPages(pages);
    }
  }
}
