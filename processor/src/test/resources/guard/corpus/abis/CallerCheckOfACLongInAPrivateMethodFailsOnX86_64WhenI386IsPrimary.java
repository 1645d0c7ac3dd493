package corpus.abis;

// OPTIONS: -Aabiguard.abis=i386,x86_64

import org.abiguard.NativeLong;
import org.abiguard.U32;

/**
 * What a caller passes into a private method differs per ABI: after {@code nr < 0} a C long
 * fits a u32 on i386, the primary ABI here, but not on x86_64, so the method is analysed for
 * x86_64 too, although it reads the field only from what its caller knows.
 */
class CLongCallerOnI386 {
  @NativeLong long nr;

  static void take(@U32 long v) {}

  void caller() {
    if (nr < 0) {
      return;
    }
    takeNr();
  }

  private void takeNr() {
    take(nr);
    //   ^[abiguard:narrowing] field CLongCallerOnI386.nr (unsigned long: u64 on x86_64) as the calls of takeNr pass it can reach parameter 'v' of take (u32): values 0x100000000..0x7FFFFFFFFFFFFFFF would be truncated
  }
}
