package corpus.refinement;

import org.abiguard.U16;

// the check bounds the sum it tested, not another sum, nor the same one once a part is written
class SumsAfterChecks {
  @U16 int used;
  @U16 int end;

  void otherPart(@U16 int len, @U16 int other) {
    if (used + len > 0x8000) {
      return;
    }
    used += other;
    //   ^[abiguard:narrowing] expression `used + other` can reach field SumsAfterChecks.used (u16): values 0x10000..0x17FFF would be truncated
  }

  void partWritten(@U16 int len) {
    if (used + len > 0x8000) {
      return;
    }
    len = 0xFFFF;
    end = used + len;
    //         ^[abiguard:narrowing] expression `used + len` can reach field SumsAfterChecks.end (u16): values 0x10000..0x17FFF would be truncated
  }
}
