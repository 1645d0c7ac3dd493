package corpus.sources;

import org.abiguard.U16;

class Ports {
  static final int FIRST_DYNAMIC = 0x10000;

  static void bind(@U16 int port) {}

  static void setUp() {
    bind(0xFFFF);
    bind(65536);
    //   ^[abiguard:narrowing] constant 0x10000 can reach parameter 'port' of bind (u16): values 0x10000 would be truncated
    bind(FIRST_DYNAMIC);
    //   ^[abiguard:narrowing] constant FIRST_DYNAMIC = 0x10000 can reach parameter 'port' of bind (u16)
  }
}
