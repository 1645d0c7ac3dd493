package corpus.control;

import org.abiguard.AbiArray;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "gnttab_setup_table")
class SetupTable {
  @AbiArray(8) @U32 long[] frames;
}

class Setup {
  static void mapFrame(@U16 int frame) {}

  static int mapAll(SetupTable t) {
    int skipped = 0;
    for (long frame : t.frames) {
      if (frame > 0xFFFF) {
        skipped++;
        continue;
      }
      mapFrame((int) frame);
    }
    outer:
    for (int round = 0; round < 2; round++) {
      for (long frame : t.frames) {
        if (frame > 0xFFFF) {
          break outer;
        }
        mapFrame((int) frame);
      }
    }
    return skipped;
  }
}
