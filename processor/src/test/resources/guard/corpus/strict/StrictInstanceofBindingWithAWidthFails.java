package corpus.strict;

// OPTIONS: -Aabiguard.mode=strict

import org.abiguard.U16;

// a binding of the whole tested value that declares a width is a sink for that value; in strict
// mode a value of unknown range is any value of the binding's type
class BoxedPorts {
  static void write(@U16 int port) {}

  static void trusted(Object o) {
    if (o instanceof @U16 Integer port) {
    //               ^[abiguard:narrowing] o (s32) can reach local 'port' (u16): values -0x80000000..-0x1 and 0x10000..0x7FFFFFFF would be truncated
      write(port);
    }
  }

  static void checked(Object o) {
    if (o instanceof Integer port && port >= 0 && port <= 0xFFFF) {
      write(port);
    }
  }

  static void unchecked(Object o) {
    if (o instanceof Integer port) {
      write(port);
      //    ^[abiguard:narrowing] o (s32) can reach parameter 'port' of write (u16): values -0x80000000..-0x1 and 0x10000..0x7FFFFFFF would be truncated
    }
  }
}
