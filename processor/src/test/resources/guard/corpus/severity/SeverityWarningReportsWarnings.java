package corpus.severity;

// OPTIONS: -Aabiguard.severity=warning

import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U8;

class Migration {
  static void addOne(@U16 int space) {}

  static void flags(@U16 int flags) {}

  static void add(@U32 int space, @U8 byte f) {
    addOne(space);
    //     ^[abiguard:narrowing] parameter 'space' of add (u32) can reach parameter 'space' of addOne (u16)
    flags(f);
    //    ^[abiguard:sign] parameter 'f' of add (u8) can reach parameter 'flags' of flags (u16) through Java's sign-extending widening
  }
}
