package corpus.sinks;

import org.abiguard.AbiBits;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U8;

@AbiStruct(name = "ihl_version")
record IhlVersion(@U8 @AbiBits(4) int ihl, @U8 @AbiBits(4) int version) {}

class Ip {
  static void putByte(@U8 int v) {}

  static void run(IhlVersion h, @U16 int length) {
    putByte(h.ihl());
    putByte(h.version() * 4);
    new IhlVersion(length, 4);
    //             ^[abiguard:narrowing] parameter 'length' of run (u16) can reach record component IhlVersion.ihl (u4): values 0x10..0xFFFF would be truncated
  }
}
