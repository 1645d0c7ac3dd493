package corpus.sinks;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "xen_foreign_memory_map")
record ForeignMemoryMap(@U16 int domid, @U32 int nrEntries) {}

class MemoryMaps {
  static ForeignMemoryMap of(@U32 int domid, @U16 int entries) {
    return new ForeignMemoryMap(domid, entries);
    //                          ^[abiguard:narrowing] parameter 'domid' of of (u32) can reach record component ForeignMemoryMap.domid (u16)
  }
}
