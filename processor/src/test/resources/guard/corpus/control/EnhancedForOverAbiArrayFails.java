package corpus.control;

import org.abiguard.AbiArray;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "gnttab_setup_table")
class SetupTable {
  @AbiArray(8) @U32 int[] frames;
}

class Setup {
  static void mapFrame(@U16 int frame) {}

  static void mapAll(SetupTable t) {
    for (int frame : t.frames) {
      mapFrame(frame);
      //       ^[abiguard:narrowing] element of field SetupTable.frames (u32) can reach parameter 'frame' of mapFrame (u16)
    }
  }
}
