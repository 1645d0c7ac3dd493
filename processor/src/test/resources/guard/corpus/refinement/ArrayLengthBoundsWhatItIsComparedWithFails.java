package corpus.refinement;

import org.abiguard.S32;
import org.abiguard.U16;
import org.abiguard.U64;

// an array's length is at most 0x7FFFFFFF: a value checked below it fits an int, in either mode,
// while the length itself stays a plain value in lenient mode
class FileReads {
  @S32
  static int readAt(@U64 long offset, byte[] f) {
    if (Long.compareUnsigned(offset, f.length) >= 0) {
      return 0;
    }
    return (int) offset;
  }

  @S32
  static int signedCheck(@U64 long offset, byte[] f) {
    if (offset < 0 || offset >= f.length) {
      return 0;
    }
    return (int) offset;
  }

  @U16
  static int notBelowTheLength(@U64 long offset, byte[] f) {
    if (offset < 0 || offset >= f.length) {
      return 0;
    }
    return (int) offset;
    //     ^[abiguard:narrowing] parameter 'offset' of notBelowTheLength (u64) can reach return value of notBelowTheLength (u16): values 0x10000..0x7FFFFFFE would be truncated
  }

  static void copy16(@U16 int length) {}

  static void lengthStaysPlain(@U64 long offset, byte[] f) {
    if (offset >= f.length) {
      return;
    }
    copy16(f.length);
  }
}
