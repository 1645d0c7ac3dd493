package corpus.refinement;

import org.abiguard.U16;
import org.abiguard.U64;

class MapGrantEntry {
  @U64 long hostAddr;
}

class GrantEntryMapping {
  static void copyBytes(@U16 int offset) {}

  // checked while the value is whole, then cast
  static int checkedBeforeTheCast(MapGrantEntry op) {
    if (op.hostAddr < 0 || op.hostAddr >= 4096) {
      return -22;
    }
    int off = (int) op.hostAddr;
    copyBytes(off);
    return 0;
  }

  // the mask keeps the low bits on purpose: the cast then drops nothing
  static int maskedThenChecked(MapGrantEntry op) {
    int off = (int) (op.hostAddr & 0xFFFFFFFFL);
    if (off < 0 || off >= 4096) {
      return -22;
    }
    copyBytes(off);
    return 0;
  }

  static int pageOffset(MapGrantEntry op) {
    int off = (int) op.hostAddr & 0xFFF;
    copyBytes(off);
    return 0;
  }
}
