package corpus.control;

import org.abiguard.U16;
import org.abiguard.U8;

enum Op {
  READ,
  WRITE,
  FLUSH
}

class Dispatcher {
  static void opcode(@U8 int op) {}

  static void length(@U16 int len) {}

  static void dispatch(Op op, char kind, @U16 int len) {
    switch (op) {
      case READ -> opcode(0);
      case WRITE -> opcode(1);
      default -> opcode(3);
    }
    int code = switch (kind) {
      case 'r' -> 'r';
      case 'w' -> 'w';
      default -> 0;
    };
    opcode(code);
    length(switch (op) {
      case READ, WRITE -> len;
      case FLUSH -> 0;
    });
  }
}
