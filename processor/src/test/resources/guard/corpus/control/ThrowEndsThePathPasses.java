package corpus.control;

import org.abiguard.U16;
import org.abiguard.U32;

class Ports {
  static void bind(@U16 int port) {}

  static void open(@U32 long port) {
    if (port > 0xFFFF) {
      throw new IllegalArgumentException("port " + port);
    }
    synchronized (Ports.class) {
      bind((int) port);
    }
  }
}
