package corpus.sinks;

import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U8;

// a width on an array field of a plain class, no mirror: it is its elements' width, as on an
// @AbiArray member, so stores into it are checked (they were not)
class PortTable {
  static @U16 int[] ports = new int[4];
  @U16 int[] own = new int[4];
  final @U16 char[] chars = new char[2];

  static void set(@U32 long v, PortTable t, int i) {
    ports[0] = (int) v;
    //         ^[abiguard:narrowing] parameter 'v' of set (u32) can reach element of field PortTable.ports (u16): values 0x10000..0xFFFFFFFF would be truncated
    t.own[i] += (int) v;
    //       ^[abiguard:narrowing] expression `t.own[i] + (int) v` can reach element of field PortTable.own (u16): values 0x10000..0xFFFFFFFF would be truncated
    ports = new int[] {1, 0x10000};
    //                    ^[abiguard:narrowing] constant 0x10000 can reach element of field PortTable.ports (u16): values 0x10000 would be truncated
  }

  static void read(PortTable t, int i) {
    u8(ports[i]);
    //      ^[abiguard:narrowing] element of field PortTable.ports (u16) can reach parameter 'b' of u8 (u8): values 0x100..0xFFFF would be truncated
  }

  static void u8(@U8 int b) {}
}
