package corpus.refinement;

import org.abiguard.U32;
import org.abiguard.U8;

class Commands {
  static void sendOpcode(@U8 int op) {}

  static void dispatch(@U32 int cmd) {
    switch (cmd) {
      case 1:
      case 2:
        sendOpcode(cmd);
        break;
      default:
        sendOpcode(cmd);
        //         ^[abiguard:narrowing] parameter 'cmd' of dispatch (u32) can reach parameter 'op' of sendOpcode (u8)
    }
  }
}
