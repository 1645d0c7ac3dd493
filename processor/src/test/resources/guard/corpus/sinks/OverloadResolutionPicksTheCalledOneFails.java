package corpus.sinks;

import org.abiguard.U16;
import org.abiguard.U32;

class Writer {
  static void put(@U16 int v) {}

  static void put(@U32 long v) {}

  static void write(@U32 int value, @U32 long wide) {
    put(wide);
    put(value);
    //  ^[abiguard:narrowing] parameter 'value' of write (u32) can reach parameter 'v' of put (u16)
  }
}
