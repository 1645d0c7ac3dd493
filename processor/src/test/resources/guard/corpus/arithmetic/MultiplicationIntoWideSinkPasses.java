package corpus.arithmetic;

import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U64;

class Pages {
  static void setBytes(@U64 long bytes) {}

  static void setKiB(@U32 long kib) {}

  static void size(@U16 int pages, @U32 long frames) {
    setKiB(pages * 4L);
    setBytes(frames * 4096);
  }
}
