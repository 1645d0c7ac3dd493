package corpus.strict;

// OPTIONS: -Aabiguard.mode=strict

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.abiguard.S8;
import org.abiguard.U32;
import org.abiguard.U8;

// In strict mode a plain result is any value of its Java type, but some of the JDK's are known to
// lie in less: a count (a string's length, a collection's or map's size, a buffer's remaining
// bytes) is never negative, so it fits a u32; a bit count fits its width; Character.digit is
// -1..35; an enum's ordinal is less than its number of constants

class StrictJdkCounts {
  static void u32(@U32 long v) {}

  static void u8(@U8 int v) {}

  static void s8(@S8 int v) {}

  enum Mode {
    A,
    B,
    C
  }

  static void counts(String s, StringBuilder b, List<String> l, Map<String, String> m) {
    u32(s.length());
    u32(b.length());
    u32(l.size());
    u32(m.size());
  }

  static void buffers(ByteBuffer buf) {
    u32(buf.remaining());
    u32(buf.position());
    u32(buf.limit());
    u32(buf.capacity());
  }

  static void bits(long x, int y, char c) {
    u8(Long.numberOfLeadingZeros(x));
    u8(Long.numberOfTrailingZeros(x));
    u8(Integer.bitCount(y));
    u8(Integer.numberOfLeadingZeros(y));
    s8(Character.digit(c, 16));
  }

  static void ordinals(Mode mode, TimeUnit unit) {
    u8(mode.ordinal());
    u8(unit.ordinal());
  }
}
