package corpus.control;

import org.abiguard.U16;
import org.abiguard.U32;

class Pager {
  static void mapPage(@U16 int page) {}

  static boolean more(int i) {
    return i < 10;
  }

  static void walk(@U32 int first) {
    int page = first;
    int i = 0;
    while (more(i)) {
      mapPage(page);
      //      ^[abiguard:narrowing] parameter 'first' of walk (u32) can reach parameter 'page' of mapPage (u16)
      page = i;
      i++;
    }
  }
}
