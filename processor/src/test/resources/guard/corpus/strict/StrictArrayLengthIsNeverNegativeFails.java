package corpus.strict;

// OPTIONS: -Aabiguard.mode=strict

import org.abiguard.U16;

// an array's length is a plain Java value, 0..0x7FFFFFFF: a check of its upper bound is enough
class Frames {
  static void putU16(byte[] b, int off, @U16 int v) {
    b[off] = (byte) (v >>> 8);
    b[off + 1] = (byte) v;
  }

  static byte[] header(byte[] body) {
    if (body.length > 0xFFFF) {
      throw new IllegalArgumentException("too long");
    }
    byte[] h = new byte[2];
    putU16(h, 0, body.length);
    return h;
  }

  static byte[] unchecked(byte[] body) {
    byte[] h = new byte[2];
    putU16(h, 0, body.length);
    //               ^[abiguard:narrowing] array length body.length can reach parameter 'v' of putU16 (u16): values 0x10000..0x7FFFFFFF would be truncated
    return h;
  }
}
