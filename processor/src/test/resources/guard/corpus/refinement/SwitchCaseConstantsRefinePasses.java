package corpus.refinement;

import org.abiguard.U32;
import org.abiguard.U8;

class Commands {
  static void sendOpcode(@U8 int op) {}

  static void dispatch(@U32 int cmd) {
    switch (cmd) {
      case 1, 2, 3 -> sendOpcode(cmd);
      case 0x40 -> sendOpcode(cmd);
      default -> sendOpcode(0);
    }
  }
}
