package corpus.refinement;

import org.abiguard.U16;
import org.abiguard.U32;

class Quota {
  static void setPages(@U16 int pages) {}

  static void apply(@U32 long requested, @U32 long fallback) {
    long pages = requested;
    if (pages > 0xFFFF) {
      pages = fallback;
    }
    setPages((int) pages);
    //       ^[abiguard:narrowing] parameter 'fallback' of apply (u32) can reach parameter 'pages' of setPages (u16)
  }
}
