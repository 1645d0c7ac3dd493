package corpus.refinement;

import org.abiguard.AbiStruct;
import org.abiguard.S32;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "helper_req")
class HelperReq {
  @U32 public long space;
  @U32 public long idx;
}

class OverridableCheck {
  boolean valid(HelperReq r) {
    return r.space <= 0xFFFF;
  }
}

final class HelperPredicatesThatProveNothing {
  static void addOne(@U16 int space) {}

  private static boolean fitsU16(long v) {
    return v <= 0xFFFF;
  }

  // the check's other outcome
  static int wrongSide(HelperReq r) {
    if (fitsU16(r.space)) {
      return -22;
    }
    addOne((int) r.space);
    //     ^[abiguard:narrowing] field HelperReq.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }

  // a check of another value
  static int otherMember(HelperReq r) {
    if (!fitsU16(r.idx)) {
      return -22;
    }
    addOne((int) r.space);
    //     ^[abiguard:narrowing] field HelperReq.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }

  // only an upper bound: a signed value may still be negative; and a check of a value cut by a cast
  // proves nothing of the whole value
  static int upperBoundOnly(@S32 int delta, @U32 long wide) {
    if (fitsU16(delta)) {
      addOne(delta);
      //     ^[abiguard:sign] parameter 'delta' of upperBoundOnly (s32) can reach parameter 'space' of addOne (u16): negative values -0x80000000..-0x1 would become huge u16 values
    }
    if (fitsU16((short) wide)) {
      addOne((int) wide);
      //     ^[abiguard:narrowing] parameter 'wide' of upperBoundOnly (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    }
    return 0;
  }

  // a method a subclass may override is not followed
  static int overridable(OverridableCheck check, HelperReq r) {
    if (!check.valid(r)) {
      return -22;
    }
    addOne((int) r.space);
    //     ^[abiguard:narrowing] field HelperReq.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }

  // the struct checked is not the one used
  static int otherStruct(HelperReq r, HelperReq s) {
    if (!fitsU16(r.space)) {
      return -22;
    }
    addOne((int) s.space);
    //     ^[abiguard:narrowing] field HelperReq.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }
}
