package corpus.arithmetic;

import org.abiguard.U16;
import org.abiguard.U32;

class Pages {
  static void offsetInPage(@U16 int off) {}

  static void pageIndex(@U16 int idx) {}

  static void locate(@U32 long address) {
    offsetInPage((int) (address % 4096));
    pageIndex((int) (address / 0x10000));
  }
}
