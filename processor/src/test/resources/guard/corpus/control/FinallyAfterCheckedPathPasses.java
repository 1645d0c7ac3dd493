package corpus.control;

import org.abiguard.U16;
import org.abiguard.U32;

class PortOpener {
  static void bind(@U16 int port) {}

  static void unlock() {}

  static void open(@U32 long requested) {
    long port = requested;
    try {
      if (port > 0xFFFF) {
        port = 0;
      }
    } finally {
      unlock();
    }
    bind((int) port);
  }
}
