// JAVA: 21
package corpus.strict;

// OPTIONS: -Aabiguard.mode=strict

import org.abiguard.U16;

// in strict mode a plain value clamped to a width fits it
class StrictClamps {
  static void copy16(@U16 int len) {}

  static void clamped(long anything, int max) {
    copy16(Math.clamp(anything, 0, 0xFFFF));
    copy16((int) Math.clamp(anything, 0L, 0xFFFFL));
    if (max >= 0 && max <= 0xFFFF) {
      copy16(Math.clamp(anything, 0, max));
    }
  }
}
