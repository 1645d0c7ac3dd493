package corpus.sources;

import org.abiguard.U16;
import org.abiguard.U8;

class Ports {
  static final int MAX_PORT = 0xFFFF;
  static final char SEPARATOR = ':';

  static void bind(@U16 int port) {}

  static void tag(@U8 int tag) {}

  static void setUp() {
    bind(MAX_PORT);
    bind(0);
    bind(80 * 100);
    tag(SEPARATOR);
    tag('A' + 1);
  }
}
