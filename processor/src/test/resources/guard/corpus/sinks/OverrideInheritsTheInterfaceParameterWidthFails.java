package corpus.sinks;

import org.abiguard.U16;
import org.abiguard.U32;

interface Hooks {
  void map(@U32 int space);
}

class X86Hooks implements Hooks {
  static void one(@U16 int space) {}

  @Override
  public void map(int space) {
    one(space);
    //  ^[abiguard:narrowing] parameter 'space' of map (u32) can reach parameter 'space' of one (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  static void direct(X86Hooks h, long wide) {
    h.map((int) (wide & 0x1FFFFFFFFL));
    //    ^[abiguard:narrowing] expression `wide & 0x1FFFFFFFFL` can reach parameter 'space' of map (u32): values 0x100000000..0x1FFFFFFFF would be truncated
  }
}
