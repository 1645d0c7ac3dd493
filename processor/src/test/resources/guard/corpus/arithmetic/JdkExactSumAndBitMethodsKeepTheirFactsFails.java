package corpus.arithmetic;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "vring_used_elem")
class UsedElem {
  @U32 public long id;
  @U32 public long len;
  @U16 public int flags;
}

// Math's ...Exact methods, Integer.sum and the bit movers keep what the guard knows of a value
class UsedRing {
  @U16 static int usedIdx;

  static void copy16(@U16 int len) {}

  static void increment() {
    usedIdx = Math.incrementExact(usedIdx);
    //                           ^[abiguard:narrowing] result of Math.incrementExact(...) can reach field UsedRing.usedIdx (u16): values 0x10000 would be truncated
  }

  static void incrementWrapped() {
    usedIdx = Math.incrementExact(usedIdx) & 0xFFFF;
  }

  static void decrement() {
    usedIdx = Math.decrementExact(usedIdx);
    //                           ^[abiguard:sign] result of Math.decrementExact(...) can reach field UsedRing.usedIdx (u16): negative values -0x1 would become huge u16 values
  }

  static void sum(UsedElem e) {
    copy16(Integer.sum((int) (e.id & 0xFFFF), 1));
    //                ^[abiguard:narrowing] result of sum(...) can reach parameter 'len' of copy16 (u16): values 0x10000 would be truncated
  }

  static void negate(UsedElem e) {
    copy16(Math.negateExact(e.flags));
    //                     ^[abiguard:sign] result of Math.negateExact(...) can reach parameter 'len' of copy16 (u16): negative values -0xFFFF..-0x1 would become huge u16 values
  }

  static void absolute(UsedElem e) {
    copy16(Math.absExact(e.flags));
    copy16(Math.absExact((int) e.len));
    //                  ^[abiguard:narrowing] field UsedElem.len (u32) can reach parameter 'len' of copy16 (u16): values 0x10000..0x7FFFFFFF would be truncated
  }

  static void swapped(UsedElem e) {
    copy16(Short.reverseBytes((short) e.flags));
    //                       ^[abiguard:sign] result of reverseBytes(...) can reach parameter 'len' of copy16 (u16): negative values -0x8000..-0x1 would become huge u16 values
    copy16(Integer.rotateLeft(e.flags, 8));
    //                       ^[abiguard:narrowing] result of rotateLeft(...) can reach parameter 'len' of copy16 (u16): values -0x80000000..-0x1 and 0x10000..0x7FFFFFFF would be truncated
  }

  static void highestBit(UsedElem e) {
    copy16(Integer.highestOneBit(e.flags));
    copy16(Integer.lowestOneBit(e.flags));
  }
}
