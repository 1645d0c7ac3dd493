package corpus.refinement;

import org.abiguard.U16;
import org.abiguard.U32;

// in an inner class, space and Outer.this.space are one field of one instance: a check of either
// holds for the other
class PhysmapOuter {
  @U32 long space;

  static void one(@U16 int space) {}

  class Handler {
    void bare() {
      if (space <= 0xFFFF) {
        one((int) space);
      }
    }

    void qualified() {
      if (PhysmapOuter.this.space <= 0xFFFF) {
        one((int) PhysmapOuter.this.space);
      }
    }

    void mixed() {
      if (space <= 0xFFFF) {
        one((int) PhysmapOuter.this.space);
      }
    }
  }
}
