package corpus.messages;

import org.abiguard.U16;
import org.abiguard.U32;

class Clamp {
  @U32 long space;

  static void put(@U16 int v) {}

  static void run(Clamp c) {
    put((int) Math.min(c.space, 0x1FFFF));
    //  ^[abiguard:narrowing] field Clamp.space (u32) can reach parameter 'v' of put (u16): values 0x10000..0x1FFFF would be truncated
    put((int) (c.space < 0x1FFFF ? c.space : 0x1FFFF));
    //  ^[abiguard:narrowing] field Clamp.space (u32) can reach parameter 'v' of put (u16): values 0x10000..0x1FFFF would be truncated
  }
}
