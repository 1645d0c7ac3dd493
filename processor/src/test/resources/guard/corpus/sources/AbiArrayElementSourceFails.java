package corpus.sources;

import org.abiguard.AbiArray;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "gnttab_setup_table")
class SetupTable {
  @U16 int domid;
  @AbiArray(16) @U32 int[] frameList;
}

class Setup {
  static void mapFrame(@U16 int frame) {}

  static void mapAll(SetupTable t) {
    for (int i = 0; i < 16; i++) {
      mapFrame(t.frameList[i]);
      //                  ^[abiguard:narrowing] element of field SetupTable.frameList (u32) can reach parameter 'frame' of mapFrame (u16)
    }
  }
}
