package corpus.refinement;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "moved_inner")
class MovedInner {
  @U32 public long x;
}

@AbiStruct(name = "moved_outer")
class MovedOuter {
  public MovedInner inner = new MovedInner();
}

final class MovedAliases {
  static void addOne(@U16 int v) {}

  // the local is given another object after the check
  static int localWritten(MovedOuter op, MovedOuter other) {
    MovedInner in = op.inner;
    if (in.x > 0xFFFF) {
      return -22;
    }
    in = other.inner;
    addOne((int) in.x);
    //     ^[abiguard:narrowing] field MovedInner.x (u32) can reach parameter 'v' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }

  // the path's root is given another object: the local still holds the first one
  static int rootWritten(MovedOuter op, MovedOuter other) {
    MovedInner in = op.inner;
    op = other;
    if (op.inner.x > 0xFFFF) {
      return -22;
    }
    addOne((int) in.x);
    //     ^[abiguard:narrowing] field MovedInner.x (u32) can reach parameter 'v' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }

  // the path's field is given another object before the check: the local holds the first one
  static int fieldWritten(MovedOuter op, MovedOuter other) {
    MovedInner in = op.inner;
    op.inner = other.inner;
    if (op.inner.x > 0xFFFF) {
      return -22;
    }
    addOne((int) in.x);
    //     ^[abiguard:narrowing] field MovedInner.x (u32) can reach parameter 'v' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }

  // a lambda may run once the field has changed
  static int inALambda(MovedOuter op) {
    MovedInner in = op.inner;
    if (op.inner.x > 0xFFFF) {
      return -22;
    }
    Runnable later = () -> addOne((int) in.x);
    //                            ^[abiguard:narrowing] field MovedInner.x (u32) can reach parameter 'v' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    later.run();
    return 0;
  }

  // a box checked one too wide
  private static boolean fitsBoxed(Long v) {
    return v != null && v >= 0 && v <= 0x10000;
  }

  static int boxedTooWide(MovedOuter op) {
    Long copy = op.inner.x;
    if (!fitsBoxed(copy)) {
      return -22;
    }
    addOne((int) (long) copy);
    //     ^[abiguard:narrowing] field MovedInner.x (u32) can reach parameter 'v' of addOne (u16): values 0x10000 would be truncated
    return 0;
  }
}
