package corpus.refinement;

import org.abiguard.U16;
import org.abiguard.U32;

class Quota {
  static void setPages(@U16 int pages) {}

  static void setLargePages(@U32 long pages) {}

  static void apply(@U32 long pages) {
    if (pages <= 0xFFFF) {
      setPages((int) pages);
    } else {
      setLargePages(pages);
      setPages((int) pages);
      //       ^[abiguard:narrowing] parameter 'pages' of apply (u32) can reach parameter 'pages' of setPages (u16): values 0x10000..0xFFFFFFFF would be truncated
    }
  }
}
