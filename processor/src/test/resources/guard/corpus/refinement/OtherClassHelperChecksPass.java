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

  // through a local of a class type that names b.first
  static boolean firstFits(OtherBatch b) {
    OtherMap first = b.first;
    return first.space <= 0xFFFF;
  }

  static boolean firstIdxFits(OtherBatch b) {
    var first = b.first;
    return first.idx >= 0 && first.idx <= 0xFFFF;
  }

  // a switch statement: the bound of each kind
  static boolean fitsKind(long v, int kind) {
    switch (kind) {
      case 0:
        return v >= 0 && v <= 0xFF;
      case 1:
      case 2:
        break;
      default:
        return false;
    }
    return v >= 0 && v <= 0xFFFF;
  }
}

@AbiStruct(name = "other_map")
class OtherMap {
  @U32 public long space;
  @U32 public long idx;
}

@AbiStruct(name = "other_batch")
class OtherBatch {
  public OtherMap first = new OtherMap();
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

  static int widthChecked(OtherMap m, int kind) {
    if (!PhysmapChecks.fitsKind(m.space, kind)) {
      return -22;
    }
    addOne((int) m.space, PhysmapMasks.lowOf(kind, m.idx));
    return 0;
  }

  static int firstChecked(OtherBatch b) {
    if (!PhysmapChecks.firstFits(b) || !PhysmapChecks.firstIdxFits(b)) {
      return -22;
    }
    addOne((int) b.first.space, (int) b.first.idx);
    return 0;
  }

  static void viaVar(OtherMap m) {
    addOne(PhysmapMasks.low16ViaVar(m.space), PhysmapMasks.lowOf(1, m.idx));
  }
}

final class PhysmapMasks {
  static int low16(long v) {
    return (int) (v & 0xFFFF);
  }

  static int clamp(long v) {
    return (int) Math.min(v, PhysmapChecks.SPACE_LIMIT);
  }

  // var: the type of its initializer
  static int low16ViaVar(long v) {
    var low = v & 0xFFFF;
    return (int) low;
  }

  // a local of one case of a switch statement, assigned in a later one
  static int lowOf(int kind, long v) {
    switch (kind) {
      case 0:
        int low = (int) (v & 0xFF);
        return low;
      case 1:
        low = (int) (v & 0xFFF);
        return low;
      default:
        return 0;
    }
  }
}
