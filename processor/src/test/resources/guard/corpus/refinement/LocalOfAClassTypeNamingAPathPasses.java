package corpus.refinement;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// a local of a class type given a path, when neither it nor a part of the path is written in the
// method, stands for that path: a check through it is a check of the path, and the other way round

@AbiStruct(name = "aliased_inner")
class AliasedInner {
  @U32 public long x;
}

@AbiStruct(name = "aliased_outer")
class AliasedOuter {
  public AliasedInner inner = new AliasedInner();
  public AliasedInner other = new AliasedInner();
}

final class AliasedChecks {
  static void addOne(@U16 int v) {}

  // a helper that checks through a local
  private static boolean valid(AliasedOuter op) {
    AliasedInner in = op.inner;
    return in.x <= 0xFFFF;
  }

  static int checkedInAHelper(AliasedOuter op) {
    if (!valid(op)) {
      return -22;
    }
    addOne((int) op.inner.x);
    return 0;
  }

  // checked through the local, used through the path
  static int checkedThroughTheLocal(AliasedOuter op) {
    AliasedInner in = op.inner;
    if (in.x > 0xFFFF) {
      return -22;
    }
    addOne((int) op.inner.x);
    return 0;
  }

  // checked through the path, used through the local, and through a local of that local
  static int usedThroughTheLocal(AliasedOuter op) {
    var in = op.inner;
    AliasedInner same = in;
    if (op.inner.x > 0xFFFF) {
      return -22;
    }
    addOne((int) in.x);
    addOne((int) same.x);
    return 0;
  }

  // a box holds a number, which is followed as a copy of the field, not as a path
  private static boolean fitsBoxed(Long v) {
    return v != null && v >= 0 && v <= 0xFFFF;
  }

  static int boxedCopy(AliasedOuter op) {
    Long copy = op.inner.x;
    if (!fitsBoxed(copy)) {
      return -22;
    }
    addOne((int) op.inner.x);
    addOne((int) (long) copy);
    return 0;
  }
}
