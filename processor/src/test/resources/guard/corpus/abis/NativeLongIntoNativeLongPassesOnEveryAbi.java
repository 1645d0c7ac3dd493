package corpus.abis;

// OPTIONS: -Aabiguard.abis=x86_64,i386,aarch64

import org.abiguard.NativeLong;
import org.abiguard.U16;
import org.abiguard.U32;

class Frames {
  @NativeLong long nr;
  @U32 long order;

  static void count(@NativeLong long nr) {}

  static void narrowOnEveryAbi(@U16 int v) {}

  static void run(Frames f) {
    count(f.nr);
    count(f.order);
    narrowOnEveryAbi((int) f.nr);
    //               ^[abiguard:narrowing] field Frames.nr (unsigned long: u64 on x86_64 and aarch64) can reach parameter 'v' of narrowOnEveryAbi (u16)
  }
}
