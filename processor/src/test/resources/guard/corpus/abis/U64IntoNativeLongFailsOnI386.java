package corpus.abis;

// OPTIONS: -Aabiguard.abis=x86_64,i386

import org.abiguard.NativeLong;
import org.abiguard.U64;

class Counts {
  static void count(@NativeLong long nr) {}

  static void run(@U64 long total) {
    count(total);
    //    ^[abiguard:narrowing] parameter 'total' of run (u64) can reach parameter 'nr' of count (unsigned long: u32 on i386): values 0x100000000..0xFFFFFFFFFFFFFFFF would be truncated
  }
}
