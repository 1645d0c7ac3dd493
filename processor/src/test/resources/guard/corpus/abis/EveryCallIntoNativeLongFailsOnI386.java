package corpus.abis;

// OPTIONS: -Aabiguard.abis=x86_64,i386

import org.abiguard.NativeLong;
import org.abiguard.U64;

/**
 * The second and later calls into the same C long parameter are checked on i386 too, in other
 * methods and classes, and after a suppressed first one.
 */
class Populate {
  Populate(@NativeLong long nr) {}

  static void populate(@NativeLong long nrExtents) {}

  @SuppressWarnings("abiguard")
  static void known(@U64 long v) {
    populate(v);
  }

  static void first(@U64 long v) {
    populate(v);
    //       ^[abiguard:narrowing] parameter 'v' of first (u64) can reach parameter 'nrExtents' of populate (unsigned long: u32 on i386)
  }

  static void twice(@U64 long v) {
    populate(v);
    //       ^[abiguard:narrowing] parameter 'v' of twice (u64) can reach parameter 'nrExtents' of populate (unsigned long: u32 on i386)
    new Populate(v);
    //           ^[abiguard:narrowing] parameter 'v' of twice (u64) can reach parameter 'nr' of constructor Populate (unsigned long: u32 on i386)
  }

  static void again(@U64 long v) {
    new Populate(v);
    //           ^[abiguard:narrowing] parameter 'v' of again (u64) can reach parameter 'nr' of constructor Populate (unsigned long: u32 on i386)
  }
}

class Caller {
  static void elsewhere(@U64 long w) {
    Populate.populate(w);
    //                ^[abiguard:narrowing] parameter 'w' of elsewhere (u64) can reach parameter 'nrExtents' of populate (unsigned long: u32 on i386)
  }
}
