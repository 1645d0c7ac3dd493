package corpus.control;

import org.abiguard.U16;
import org.abiguard.U32;

class Ports {
  static void bind(@U16 int port) {}

  static void open(@U32 long port) {
    assert port <= 0xFFFF : "assertions may be disabled";
    bind((int) port);
    //   ^[abiguard:narrowing] parameter 'port' of open (u32) can reach parameter 'port' of bind (u16)
  }
}
