package corpus.arithmetic;

import org.abiguard.U16;

class Pages {
  static void setKiB(@U16 int kib) {}

  static void size(@U16 int pages) {
    setKiB(pages * 4);
    //           ^[abiguard:narrowing] expression `pages * 4` can reach parameter 'kib' of setKiB (u16): values 0x10000..0x3FFFC would be truncated
  }
}
