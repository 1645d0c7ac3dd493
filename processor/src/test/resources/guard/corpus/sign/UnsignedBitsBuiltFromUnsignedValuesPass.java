package corpus.sign;

import org.abiguard.U32;
import org.abiguard.U64;
import org.abiguard.U8;

/**
 * Unsigned values combined so that the exact result fits the sink's unsigned width: Java's bits
 * are that result, negative as a Java value but exactly the raw bits a u64 in a long, or a u32 in
 * an int, holds.
 */
class Msrs {
  static void wrmsr(@U64 long value) {}

  static void setReg(@U32 int raw) {}

  static void write(@U32 long edx, @U32 long eax) {
    wrmsr((edx << 32) | eax);
  }

  static void product(@U32 long a, @U32 long b) {
    wrmsr(a * b);
  }

  static void tag(@U8 int type, @U8 int flags) {
    setReg(type << 24 | flags);
  }
}
