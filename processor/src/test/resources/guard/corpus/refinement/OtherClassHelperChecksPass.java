package corpus.refinement;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// checks and masks written in other top-level classes, before and after the class that uses them:
// the guard reads them from the file parsed again, whichever class javac analyses first

final class PhysmapChecks {
  private PhysmapChecks() {}

  static final long SPACE_LIMIT = 0xFFFF;

  static boolean validSpace(OtherMap m) {
    return m.space <= SPACE_LIMIT;
  }

  static boolean fitsU16(long v) {
    return v >= 0 && v <= 0xFFFF;
  }
}

@AbiStruct(name = "other_map")
class OtherMap {
  @U32 public long space;
  @U32 public long idx;
}

final class OtherClassHelperChecks {
  static void addOne(@U16 int space, @U16 int idx) {}

  static int add(OtherMap m) {
    if (!PhysmapChecks.validSpace(m) || !PhysmapChecks.fitsU16(m.idx)) {
      return -22;
    }
    addOne((int) m.space, (int) m.idx);
    return 0;
  }

  static void masked(OtherMap m) {
    addOne(PhysmapMasks.low16(m.space), PhysmapMasks.clamp(m.idx));
  }
}

final class PhysmapMasks {
  static int low16(long v) {
    return (int) (v & 0xFFFF);
  }

  static int clamp(long v) {
    return (int) Math.min(v, PhysmapChecks.SPACE_LIMIT);
  }
}
