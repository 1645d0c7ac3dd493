package corpus.refinement;

import org.abiguard.AbiStruct;
import org.abiguard.S16;
import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U8;

// a helper given one value twice, as a parameter and as a field of the object passed, proves
// what both of its checks say of it together: neither alone keeps it in 0..0xFF (the guard
// once kept one of the two, whichever it met last, so the same program compiled or failed from
// one run to the next); and what the caller knows of a field reaches the helper under each of
// its names there (once only one of them, by the same chance)

// ALSO STRICT

@AbiStruct(name = "two_named_box")
class TwoNamedBox {
  @S16 public int s16;
}

class TwoNamedInner {
  @U32 public long len;
}

class TwoNamedOuter {
  TwoNamedInner inner = new TwoNamedInner();
}

class HelperCheckOfOneValueUnderTwoNames {
  static void addU8(@U8 int v) {}

  private static boolean fits(int p, TwoNamedBox y) {
    return y.s16 <= 255 && (p & 0xFFFF0000) == 0;
  }

  private static void requireFits(int p, TwoNamedBox y) {
    if (y.s16 > 255 || (p & 0xFFFF0000) != 0) {
      throw new IllegalArgumentException("s16");
    }
  }

  private static int checkFits(int p, TwoNamedBox y) {
    if (y.s16 > 255) {
      return -22;
    }
    if ((p & 0xFFFF0000) != 0) {
      return -22;
    }
    return 0;
  }

  static void byPredicate(TwoNamedBox x) {
    if (!fits(x.s16, x)) {
      return;
    }
    addU8(x.s16);
  }

  static void byValidator(TwoNamedBox x) {
    requireFits(x.s16, x);
    addU8(x.s16);
  }

  static int byResultCode(TwoNamedBox x) {
    int rc = checkFits(x.s16, x);
    if (rc != 0) {
      return rc;
    }
    addU8(x.s16);
    return 0;
  }

  static void addU16(@U16 int v) {}

  private static int lengths(TwoNamedOuter y, TwoNamedInner z) {
    return (int) (y.inner.len + z.len);
  }

  static void byBothNames(TwoNamedOuter x) {
    if (x.inner.len > 0x7FFF) {
      return;
    }
    addU16(lengths(x, x.inner));
  }
}
