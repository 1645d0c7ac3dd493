package corpus.control;

import org.abiguard.U16;
import org.abiguard.U32;

class Commands {
  static void send(@U16 int arg) {}

  @SuppressWarnings("fallthrough") // falling through from case 1 is what this program checks
  static void run(int op, @U32 int wide) {
    int arg = 0;
    switch (op) {
      case 1:
        arg = wide;
      case 2:
        send(arg);
        //   ^[abiguard:narrowing] parameter 'wide' of run (u32) can reach parameter 'arg' of send (u16)
        break;
      default:
        send(arg);
    }
  }
}
