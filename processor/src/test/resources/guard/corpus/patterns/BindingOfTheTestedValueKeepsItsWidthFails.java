// JAVA: 21
package corpus.patterns;

import org.abiguard.U16;
import org.abiguard.U32;

record Sock(@U32 int port) {}

// a binding of the whole tested value holds that value, and a width it declares is a sink for it
class SockPorts {
  static void write(@U16 int port) {}

  static void declared(Sock s) {
    Integer p = s.port();
    if (p instanceof @U16 Integer q) {
    //               ^[abiguard:narrowing] record component Sock.port (u32) can reach local 'q' (u16): values 0x10000..0xFFFFFFFF would be truncated
      write(q);
    }
  }

  static void bound(Sock s) {
    Integer p = s.port();
    if (p instanceof Integer r) {
      write(r);
      //    ^[abiguard:narrowing] record component Sock.port (u32) can reach parameter 'port' of write (u16): values 0x10000..0xFFFFFFFF would be truncated
    }
  }

  static int selected(Sock s) {
    Integer p = s.port();
    return switch (p) {
      case @U16 Integer q when q > 0 -> q;
      //   ^[abiguard:narrowing] record component Sock.port (u32) can reach local 'q' (u16): values 0x10000..0xFFFFFFFF would be truncated
      default -> 0;
    };
  }

  static void checked(Sock s) {
    Integer p = s.port();
    if (p instanceof Integer r && r >= 0 && r <= 0xFFFF) {
      write(r);
    }
  }
}
