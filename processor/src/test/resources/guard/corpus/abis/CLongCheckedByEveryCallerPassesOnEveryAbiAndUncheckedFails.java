package corpus.abis;

// OPTIONS: -Aabiguard.abis=x86_64,i386

import org.abiguard.NativeLong;
import org.abiguard.U16;

/**
 * A private method that reads a C long starts, on each ABI, from what its callers know on that
 * ABI: the check in the caller holds on both; a caller that mentions no width (so is analysed
 * once, for every ABI) passes the declared value, which both ABIs can lose (reported once, for the first).
 */
class CLongCallers {
  @NativeLong long nr;

  static void take(@U16 long v) {}

  void checked() {
    if (Long.compareUnsigned(nr, 0xFFFF) > 0) {
      return;
    }
    takeNr();
  }

  private void takeNr() {
    take(nr);
  }

  static void relay(CLongCallers c) {
    c.takeOther();
  }

  void checkedToo() {
    if (Long.compareUnsigned(nr, 0xFFFF) > 0) {
      return;
    }
    takeOther();
  }

  private void takeOther() {
    take(nr);
    //   ^[abiguard:narrowing] field CLongCallers.nr (unsigned long: u64 on x86_64) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFFFFFFFFFF would be truncated
  }
}
