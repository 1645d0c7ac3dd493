package corpus.robustness;

import org.abiguard.U16;
import org.abiguard.U32;

class P2m {
  static void put(@U16 int v) {}

  static void map(int[][] p2m, int i, int j, @U32 int mfn) {
    p2m[i][j] = mfn;
    p2m[i][j] += mfn;
    put(p2m[i][j]);
    put(mfn);
    //  ^[abiguard:narrowing] parameter 'mfn' of map (u32) can reach parameter 'v' of put (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}
