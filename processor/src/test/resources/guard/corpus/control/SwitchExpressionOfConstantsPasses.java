package corpus.control;

import org.abiguard.U8;

class Opcodes {
  static void send(@U8 int opcode) {}

  static void encode(String name) {
    int opcode = switch (name) {
      case "read" -> 0;
      case "write" -> 1;
      case "flush" -> 3;
      default -> {
        if (name.isEmpty()) {
          throw new IllegalArgumentException();
        }
        yield 0xFF;
      }
    };
    send(opcode);
  }
}
