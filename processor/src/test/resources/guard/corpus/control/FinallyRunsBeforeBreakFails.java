package corpus.control;

import org.abiguard.U16;
import org.abiguard.U32;

class EventChannel {
  static void notifyPort(@U16 int port) {}

  static boolean consumed(int round) {
    return round > 3;
  }

  static void drain(@U32 int remote) {
    int port = 0;
    int round = 0;
    while (true) {
      try {
        if (consumed(round)) {
          break;
        }
      } finally {
        port = remote;
      }
      port = 0;
      round++;
    }
    notifyPort(port);
    //         ^[abiguard:narrowing] parameter 'remote' of drain (u32) can reach parameter 'port' of notifyPort (u16)
  }
}
