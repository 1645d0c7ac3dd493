package corpus.control;

import org.abiguard.U16;
import org.abiguard.U32;

class Pipeline {
  static void put16(@U16 int v) {}

  static void run(@U32 int space, int n) {
    int a = 0;
    int b = 0;
    int c = 0;
    int d = 0;
    int e = 0;
    int f = 0;
    int g = 0;
    for (int i = 0; i < n; i++) {
      g = f;
      f = e;
      e = d;
      d = c;
      c = b;
      b = a;
      a = space;
    }
    put16(g);
    //    ^[abiguard:narrowing] parameter 'space' of run (u32) can reach parameter 'v' of put16 (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}
