package corpus.strict;

// OPTIONS: -Aabiguard.mode=strict

import java.nio.ByteBuffer;
import org.abiguard.U16;
import org.abiguard.U8;

// a helper of the class (an enum's too, when its constants have no bodies) returns the value of
// its expression, not any value of its type
final class WireFields {
  enum WireKind {
    SYN,
    ACK;

    int bit() {
      return 1 << (ordinal() & 7);
    }
  }

  static void setPort(@U16 int port) {}

  static void setVersion(@U8 int version) {}

  private static int u16At(ByteBuffer b, int offset) {
    return b.getShort(offset) & 0xFFFF;
  }

  private static int highNibble(int octet) {
    return (octet >>> 4) & 0xF;
  }

  private static boolean isPort(int value) {
    return value >= 0 && value <= 0xFFFF;
  }

  static void parse(ByteBuffer b, int declared) {
    setPort(u16At(b, 2));
    setVersion(highNibble(b.get(0)));
    if (isPort(declared)) {
      setPort(declared);
    }
    setVersion(WireKind.ACK.bit());
  }
}
