package corpus.refinement;

import org.abiguard.U16;
import org.abiguard.U32;

class ShadowingOuter {
  @U32 long space;

  static void one(@U16 int space) {}

  // the inner class's own space shadows the outer one: checking it says nothing of the outer's
  class Handler {
    @U32 long space;

    void check() {
      if (space <= 0xFFFF) {
        one((int) ShadowingOuter.this.space);
        //  ^[abiguard:narrowing] field ShadowingOuter.space (u32) can reach parameter 'space' of one (u16): values 0x10000..0xFFFFFFFF would be truncated
      }
    }
  }
}
