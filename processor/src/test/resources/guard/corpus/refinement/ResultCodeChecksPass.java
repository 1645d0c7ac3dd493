package corpus.refinement;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U8;

// a helper that returns a result code, Xen's way (0 for success, -EINVAL for a value it rejects):
// where the caller goes on only when the code is 0, what the helper checked on its way to
// `return 0` holds, whether the caller tests the call or the local it keeps the code in, with a
// comparison or a switch

// ALSO STRICT

@AbiStruct(name = "coded_map")
class CodedMap {
  @U32 public long space;
  @U32 public long idx;
}

final class ResultCodeChecks {
  static final int EINVAL = 22;

  static void addOne(@U16 int space) {}

  static void addIdx(@U8 int idx) {}

  private static int checkSpace(CodedMap m) {
    if (m.space > 0xFFFF) {
      return -EINVAL;
    }
    return 0;
  }

  private static int checkBoth(long space, long idx) {
    if (space > 0xFFFF) {
      return -EINVAL;
    }
    if (idx > 0xFF) {
      return -34;
    }
    return 0;
  }

  // success is 1, as some APIs have it
  private static int validated(long space) {
    if (space <= 0xFFFF) {
      return 1;
    }
    return 0;
  }

  static int local(CodedMap m) {
    int rc = checkSpace(m);
    if (rc != 0) {
      return rc;
    }
    addOne((int) m.space);
    return 0;
  }

  static int negative(CodedMap m) {
    int rc = checkBoth(m.space, m.idx);
    if (rc < 0) {
      return rc;
    }
    addOne((int) m.space);
    addIdx((int) m.idx);
    return 0;
  }

  static int direct(CodedMap m) {
    if (checkSpace(m) != 0) {
      return -EINVAL;
    }
    addOne((int) m.space);
    return 0;
  }

  static int equalsZero(CodedMap m) {
    int rc;
    rc = checkBoth(m.space, m.idx);
    if (rc == 0) {
      addOne((int) m.space);
      addIdx((int) m.idx);
    }
    return rc;
  }

  static int one(CodedMap m) {
    if (validated(m.space) == 1) {
      addOne((int) m.space);
    }
    return 0;
  }

  static int switched(CodedMap m) {
    int rc = checkSpace(m);
    switch (rc) {
      case 0:
        addOne((int) m.space);
        break;
      default:
        return rc;
    }
    switch (checkBoth(m.space, m.idx)) {
      case -EINVAL -> {
        return -EINVAL;
      }
      case 0 -> addIdx((int) m.idx);
      default -> {
        return -1;
      }
    }
    addOne((int) m.space);
    return 0;
  }

  static int laterTest(CodedMap m, int flags) {
    int rc = checkSpace(m);
    int mode = flags & 3;
    if (rc != 0 || mode == 3) {
      return -EINVAL;
    }
    addOne((int) m.space);
    return mode;
  }
}
