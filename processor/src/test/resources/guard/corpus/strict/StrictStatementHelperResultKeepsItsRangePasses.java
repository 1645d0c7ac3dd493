package corpus.strict;

// OPTIONS: -Aabiguard.mode=strict

import java.nio.ByteBuffer;
import org.abiguard.U16;
import org.abiguard.U8;

// a helper of the class written as statements returns the join of what its returns give, each in
// the state that reaches it, not any value of its type
final class StatedWireFields {
  static void setPort(@U16 int port) {}

  static void setVersion(@U8 int version) {}

  private static int u16At(ByteBuffer b, int offset) {
    int raw = b.getShort(offset);
    return raw & 0xFFFF;
  }

  private static int versionOf(int octet) {
    int version = (octet >>> 4) & 0xF;
    if (version == 0) {
      return 4;
    }
    return version;
  }

  private static int portOr(long port, int fallback) {
    if (port < 0 || port > 0xFFFF) {
      return fallback & 0xFFFF;
    }
    return (int) port;
  }

  // a parameter the helper writes: its result is what the writes leave
  private static int portClamped(long port) {
    if (port < 0) {
      port = 0;
    } else if (port > 0xFFFF) {
      port = 0xFFFF;
    }
    return (int) port;
  }

  static void header(ByteBuffer b, long port) {
    setPort(portClamped(port));
    setPort(u16At(b, 0));
    setVersion(versionOf(b.get(2)));
    setPort(portOr(port, b.getInt(4)));
  }
}
