package corpus.sinks;

import org.abiguard.U16;
import org.abiguard.U32;

class Boxing {
  @U32 long space;

  static void put(@U16 int v) {}

  static void run(Boxing b, @U16 int domid) {
    Long boxed = Long.valueOf(b.space);
    put((int) boxed.longValue());
    //  ^[abiguard:narrowing] field Boxing.space (u32) can reach parameter 'v' of put (u16): values 0x10000..0xFFFFFFFF would be truncated
    Integer id = Integer.valueOf(domid);
    put(id.intValue());
    put(Integer.valueOf(domid));
  }
}
