package corpus.strict;

// OPTIONS: -Aabiguard.mode=strict

import java.util.AbstractList;
import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U8;

// what the JDK's bounded results do not prove: a count beyond a u16, a search's -1 in a u32, the
// size of a collection the project implements (its own method, not the JDK's contract), and the
// ordinal of an enum whose type is not known

class StrictJdkResultsOutsideTheirBounds {
  static void u32(@U32 long v) {}

  static void u16(@U16 int v) {}

  static void u8(@U8 int v) {}

  static class Ring extends AbstractList<Integer> {
    @Override
    public Integer get(int index) {
      return index;
    }

    @Override
    public int size() {
      return -1;
    }
  }

  static void outside(String s, Ring ring, Enum<?> e) {
    u16(s.length());
    //          ^[abiguard:narrowing] result of length() (s32) can reach parameter 'v' of u16 (u16): values 0x10000..0x7FFFFFFF would be truncated
    u32(s.indexOf('x'));
    //           ^[abiguard:sign] result of indexOf() (s32) can reach parameter 'v' of u32 (u32): negative values -0x1 would become huge u32 values
    u32(ring.size());
    //           ^[abiguard:sign] result of size() (s32) can reach parameter 'v' of u32 (u32): negative values -0x80000000..-0x1 would become huge u32 values
    u8(e.ordinal());
    //          ^[abiguard:narrowing] result of ordinal() (s32) can reach parameter 'v' of u8 (u8): values -0x80000000..-0x1 and 0x100..0x7FFFFFFF would be truncated
  }
}
