package corpus.strict;

// OPTIONS: -Aabiguard.mode=strict

import org.abiguard.AbiArray;
import org.abiguard.AbiStruct;
import org.abiguard.U16;

@AbiStruct(name = "slot_batch")
class SlotBatch {
  @U16 @AbiArray(2) public int[] slots;
}

class SlotBatchWrites {
  // in strict mode a plain array's elements are held to their Java type, as a plain int is
  static void arrayParameter(SlotBatch e, int[] slots) {
    e.slots = slots;
    //        ^[abiguard:narrowing] element of array parameter slots (s32) can reach element of field SlotBatch.slots (u16): values -0x80000000..-0x1 and 0x10000..0x7FFFFFFF would be truncated
  }

  static void callResult(SlotBatch e) {
    int[] t = make();
    e.slots = t;
    //        ^[abiguard:narrowing] element of local array t (s32) can reach element of field SlotBatch.slots (u16): values -0x80000000..-0x1 and 0x10000..0x7FFFFFFF would be truncated
  }

  static void copiedFromAParameter(SlotBatch e, int[] slots) {
    int[] t = new int[2];
    System.arraycopy(slots, 0, t, 0, 2);
    //               ^[abiguard:narrowing] element of array parameter slots (s32) can reach element of field SlotBatch.slots (u16), through local array t (stored into the field on line 31): values -0x80000000..-0x1 and 0x10000..0x7FFFFFFF would be truncated
    e.slots = t;
  }

  // an array created here holds zeros and what is written into it
  static void created(SlotBatch e, @U16 int slot) {
    int[] t = new int[2];
    t[0] = slot;
    e.slots = t;
    e.slots = new int[] {slot, 0xFFFF};
  }

  static int[] make() {
    return new int[2];
  }
}
