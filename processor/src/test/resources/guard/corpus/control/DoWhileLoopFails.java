package corpus.control;

import org.abiguard.U16;
import org.abiguard.U32;

class Pager {
  static void mapPage(@U16 int page) {}

  static void walk(@U32 long first, int count) {
    long page = first;
    int done = 0;
    do {
      mapPage((int) (page & 0xFFFF));
      mapPage((int) page);
      //      ^[abiguard:narrowing] expression `page + 1` can reach parameter 'page' of mapPage (u16)
      page++;
      done++;
    } while (done < count);
  }
}
