package corpus.control;

import org.abiguard.U8;

class Opcodes {
  static void send(@U8 int opcode) {}

  static void encode(boolean write, boolean flush) {
    int opcode;
    if (write) {
      opcode = 1;
    } else if (flush) {
      opcode = 3;
    } else {
      opcode = 0;
    }
    send(opcode);
  }
}
