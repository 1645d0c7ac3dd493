package corpus.refinement;

import org.abiguard.U32;
import org.abiguard.U8;

class Commands {
  static void sendOpcode(@U8 int op) {}

  static void dispatch(@U32 int cmd) {
    if (cmd == 1 || cmd == 7) {
      sendOpcode(cmd);
    }
    if (cmd != 0x1FF) {
      return;
    }
    sendOpcode(cmd - 0x100);
  }
}
