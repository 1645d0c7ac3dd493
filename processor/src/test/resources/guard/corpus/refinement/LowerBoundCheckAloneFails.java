package corpus.refinement;

import org.abiguard.S32;
import org.abiguard.U16;

class Quota {
  static void setPages(@U16 int pages) {}

  static int apply(@S32 int pages) {
    if (pages < 0) {
      return -22;
    }
    setPages(pages);
    //       ^[abiguard:narrowing] parameter 'pages' of apply (s32) can reach parameter 'pages' of setPages (u16): values 0x10000..0x7FFFFFFF would be truncated
    return 0;
  }
}
