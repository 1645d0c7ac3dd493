package corpus.refinement;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// result codes that do not prove what the caller uses: the code tested the wrong way, a code of
// another error tested, a local written or a field written between the check and the use (in the
// comparison itself too), a code that is zero on a way that did not check, a switch that lets
// another code through

// ALSO STRICT

@AbiStruct(name = "loose_coded_map")
class LooseCodedMap {
  @U32 public long space;
  @U32 public long idx;
}

final class ResultCodeChecksThatProveNothing {
  static void addOne(@U16 int space) {}

  private static int checkSpace(LooseCodedMap m) {
    if (m.space > 0xFFFF) {
      return -22;
    }
    return 0;
  }

  private static int lax(LooseCodedMap m, boolean quick) {
    if (quick) {
      return 0;
    }
    if (m.space > 0xFFFF) {
      return -22;
    }
    return 0;
  }

  static int wrongWay(LooseCodedMap m) {
    int rc = checkSpace(m);
    if (rc == 0) {
      return 0;
    }
    addOne((int) m.space);
    //     ^[abiguard:narrowing] field LooseCodedMap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    return rc;
  }

  static int otherError(LooseCodedMap m) {
    int rc = checkSpace(m);
    if (rc == -1) {
      return rc;
    }
    addOne((int) m.space);
    //     ^[abiguard:narrowing] field LooseCodedMap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }

  static int rewritten(LooseCodedMap m, int other) {
    int rc = checkSpace(m);
    rc = other;
    if (rc != 0) {
      return rc;
    }
    addOne((int) m.space);
    //     ^[abiguard:narrowing] field LooseCodedMap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }

  static int fieldWritten(LooseCodedMap m, long next) {
    int rc = checkSpace(m);
    m.space = next & 0xFFFFFFFFL;
    if (rc != 0) {
      return rc;
    }
    addOne((int) m.space);
    //     ^[abiguard:narrowing] expression `next & 0xFFFFFFFFL` can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }

  static int laxCheck(LooseCodedMap m, boolean quick) {
    if (lax(m, quick) != 0) {
      return -22;
    }
    addOne((int) m.space);
    //     ^[abiguard:narrowing] field LooseCodedMap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }

  // the comparison itself writes what the code checked
  static int writtenInTheTest(LooseCodedMap m, long next) {
    if (checkSpace(m) != (int) (m.space = next & 0xFFFFFFFFL) * 0) {
      return -22;
    }
    addOne((int) m.space);
    //     ^[abiguard:narrowing] expression `next & 0xFFFFFFFFL` can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }

  private static int checkTwo(LooseCodedMap m) {
    if (m.space > 0xFFFF) {
      return -22;
    }
    if (m.idx > 0xFF) {
      return -34;
    }
    return 0;
  }

  // a code no case has falls out of the switch, and a case falls through into the case of zero
  @SuppressWarnings("fallthrough")
  static int switched(LooseCodedMap m) {
    switch (checkTwo(m)) {
      case 0:
        break;
      case -34:
        return -34;
    }
    addOne((int) m.space);
    //     ^[abiguard:narrowing] field LooseCodedMap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    int rc = checkTwo(m);
    switch (rc) {
      case -22:
        rc = -rc;
      case 0:
        addOne((int) m.space);
        //     ^[abiguard:narrowing] field LooseCodedMap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
        break;
      default:
        return rc;
    }
    return 0;
  }

  static int inALoop(LooseCodedMap[] maps) {
    int rc = 0;
    for (LooseCodedMap m : maps) {
      addOne((int) m.space);
      //     ^[abiguard:narrowing] field LooseCodedMap.space (u32) can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
      rc = checkSpace(m);
      if (rc != 0) {
        break;
      }
    }
    return rc;
  }
}
