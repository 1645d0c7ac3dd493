package corpus.refinement;

import org.abiguard.U16;
import org.abiguard.U32;

class PeoplesOrder {
  @U32 int space;

  static void put16(@U16 int v) {}

  static void put32(@U32 long v) {}

  static int upperFirst(@U32 int x) {
    if (x > 0xFFFF || x < 0) {
      return -22;
    }
    put16(x);
    return 0;
  }

  static int twoIfs(@U32 int x) {
    if (x < 0) {
      return -22;
    }
    if (x > 0xFFFF) {
      return -22;
    }
    put16(x);
    return 0;
  }

  static int twoIfsUpperFirst(@U32 int x) {
    if (x > 0xFFFF) {
      return -22;
    }
    if (x < 0) {
      return -22;
    }
    put16(x);
    return 0;
  }

  static int assignmentInsideTheCheck(PeoplesOrder a) {
    int s;
    if ((s = a.space) < 0 || s > 0xFFFF) {
      return -22;
    }
    put16(s);
    return 0;
  }

  static int highBitsZero(@U32 int s) {
    if ((s >>> 16) != 0) {
      return -22;
    }
    put16(s);
    return 0;
  }

  static int shiftByACheckedAmount(@U32 long order) {
    if (order > 18) {
      return -22;
    }
    put32(1L << order);
    return 0;
  }

  static int shiftByACheckedRawAmount(@U32 int order) {
    if (order < 0 || order > 18) {
      return -22;
    }
    put32(1L << order);
    return 0;
  }
}
