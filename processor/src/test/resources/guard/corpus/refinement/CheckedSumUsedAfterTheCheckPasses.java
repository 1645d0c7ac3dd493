package corpus.refinement;

import org.abiguard.U16;

record CopyExtent(@U16 int off, @U16 int len) {}

// a check of a sum bounds that sum where it is used next, until either part is written
class CopyExtents {
  @U16 int used;
  @U16 int end;

  void append(@U16 int len) {
    if (used + len > 0x8000) {
      return;
    }
    used += len;
  }

  int endOf(CopyExtent p) {
    if (p.off() + p.len() > 0xFFFF) {
      return -22;
    }
    end = p.off() + p.len();
    return 0;
  }
}
