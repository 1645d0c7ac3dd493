package corpus.sinks;

import org.abiguard.AbiArray;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "frame_batch")
class FrameBatch {
  @U16 @AbiArray(2) public int[] frames;
  @U32 @AbiArray(2) public int[] wide;
}

class FrameBatchWrites {
  private final int[] scratch = new int[2];

  // two locals that refer to one array share what is written through either
  static void aliasWrittenBeforeTheStore(FrameBatch e, @U32 long gpfn) {
    int[] a = new int[2];
    int[] b = a;
    b[0] = (int) gpfn;
    //     ^[abiguard:narrowing] parameter 'gpfn' of aliasWrittenBeforeTheStore (u32) can reach element of field FrameBatch.frames (u16), through local array a (stored into the field on line 23): values 0x10000..0xFFFFFFFF would be truncated
    e.frames = a;
  }

  static void aliasWrittenAfterTheStore(FrameBatch e, @U32 long gpfn) {
    int[] a = new int[2];
    int[] b = a;
    e.frames = a;
    b[1] = (int) gpfn;
    //     ^[abiguard:narrowing] parameter 'gpfn' of aliasWrittenAfterTheStore (u32) can reach element of field FrameBatch.frames (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  // a branch that may have replaced the array leaves the old one's values possible
  static void reassignedOnOneBranch(FrameBatch e, @U32 long gpfn, boolean fresh) {
    int[] t = new int[2];
    t[0] = (int) gpfn;
    //     ^[abiguard:narrowing] parameter 'gpfn' of reassignedOnOneBranch (u32) can reach element of field FrameBatch.frames (u16), through local array t (stored into the field on line 42): values 0x10000..0xFFFFFFFF would be truncated
    if (fresh) {
      t = new int[2];
    }
    e.frames = t;
  }

  static void arrayParameter(FrameBatch e, @U32 long gpfn, int[] t) {
    t[0] = (int) gpfn;
    //     ^[abiguard:narrowing] parameter 'gpfn' of arrayParameter (u32) can reach element of field FrameBatch.frames (u16), through array parameter t (stored into the field on line 48): values 0x10000..0xFFFFFFFF would be truncated
    e.frames = t;
  }

  void arrayField(FrameBatch e, @U32 long gpfn) {
    scratch[0] = (int) gpfn;
    //           ^[abiguard:narrowing] parameter 'gpfn' of arrayField (u32) can reach element of field FrameBatch.frames (u16), through array scratch (stored into the field on line 54): values 0x10000..0xFFFFFFFF would be truncated
    e.frames = scratch;
  }

  static void conditionalArray(FrameBatch e, @U32 long gpfn, boolean c, int[] t) {
    e.frames = c ? new int[] {(int) gpfn, 0} : t;
    //                        ^[abiguard:narrowing] parameter 'gpfn' of conditionalArray (u32) can reach element of field FrameBatch.frames (u16), through array c ? new int[] {(int) gpfn, 0} : t (stored into the field on line 58): values 0x10000..0xFFFFFFFF would be truncated
  }

  static void copiedFromAWiderArray(FrameBatch e, FrameBatch other) {
    int[] t = new int[2];
    System.arraycopy(other.wide, 0, t, 0, 2);
    //                    ^[abiguard:narrowing] element of field FrameBatch.wide (u32) can reach element of field FrameBatch.frames (u16), through local array t (stored into the field on line 66): values 0x10000..0xFFFFFFFF would be truncated
    e.frames = t;
  }

  static void writtenInALambda(FrameBatch e, @U32 long gpfn) {
    int[] t = new int[2];
    Runnable write = () -> t[0] = (int) gpfn;
    //                            ^[abiguard:narrowing] parameter 'gpfn' of writtenInALambda (u32) can reach element of field FrameBatch.frames (u16), through local array t (stored into the field on line 74): values 0x10000..0xFFFFFFFF would be truncated
    write.run();
    e.frames = t;
  }

  static void storedInAnEarlierIteration(FrameBatch e, @U32 long gpfn) {
    int[] t = new int[2];
    for (int i = 0; i < 2; i++) {
      if (i == 0) {
        e.frames = t;
      } else {
        t[1] = (int) gpfn;
        //     ^[abiguard:narrowing] parameter 'gpfn' of storedInAnEarlierIteration (u32) can reach element of field FrameBatch.frames (u16): values 0x10000..0xFFFFFFFF would be truncated
      }
    }
  }
}
