package corpus.refinement;

import org.abiguard.Abi;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "copied_extent")
class CopiedExtent {
  @U32 public long len;
  @U32 public int raw;
}

// a local without a width that copies a field holds the same value until either is written: a
// check of the copy is a check of the field, and a check of the field one of the copy
class CopiedChecks {
  static void put16(@U16 int v) {}

  static int copyChecked(CopiedExtent e) {
    long len = e.len;
    if (len > 0xFFFF) {
      return -22;
    }
    put16((int) e.len);
    return 0;
  }

  static int fieldChecked(CopiedExtent e) {
    long len = e.len;
    if (e.len > 0xFFFF) {
      return -22;
    }
    put16((int) len);
    return 0;
  }

  // raw bits widened to a long keep their Java value: the check of the long is one of the int
  static int widenedRawBits(CopiedExtent e) {
    long r = e.raw;
    if (r < 0 || r > 0xFFFF) {
      return -22;
    }
    put16(e.raw);
    return 0;
  }

  static int assignedThenChecked(CopiedExtent e) {
    long len;
    len = e.len;
    Abi.checkU16(len);
    put16((int) e.len);
    return 0;
  }
}
