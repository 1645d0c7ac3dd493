package corpus.sinks;

// ALSO STRICT

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U64;

@AbiStruct(name = "hypercall_args")
class HypercallArgs {
  @U32 public long space;
  @U64 public long gpfn;
  @U16 public int domid;
}

// an element of a local array that only constant indexes name holds what was written into it,
// as a local variable would: lenient mode no longer trusts it as a plain value
class LocalArrayElementWrites {
  static final int ARG_SPACE = 0;

  static void written(HypercallArgs a) {
    long[] args = new long[2];
    args[0] = a.space;
    useU16((int) args[0]);
    //     ^[abiguard:narrowing] field HypercallArgs.space (u32) can reach parameter 'v' of useU16 (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  static void initializer(HypercallArgs a) {
    long[] args = {a.space, a.gpfn, a.domid};
    useU16((int) args[ARG_SPACE]);
    //     ^[abiguard:narrowing] field HypercallArgs.space (u32) can reach parameter 'v' of useU16 (u16): values 0x10000..0xFFFFFFFF would be truncated
    useU16((int) args[1]);
    //     ^[abiguard:narrowing] field HypercallArgs.gpfn (u64) can reach parameter 'v' of useU16 (u16)
  }

  static void compound(HypercallArgs a) {
    int[] shifted = new int[1];
    shifted[0] += a.domid;
    shifted[0] <<= 4;
    useU16(shifted[0]);
    //            ^[abiguard:narrowing] expression `shifted[0] << 4` can reach parameter 'v' of useU16 (u16): values 0x10000..0xFFFF0 would be truncated
  }

  // the write at the end of one round reaches the read at the start of the next
  static void aroundALoop(HypercallArgs a) {
    long[] last = new long[1];
    for (int i = 0; i < 4; i++) {
      useU16((int) last[0]);
      //     ^[abiguard:narrowing] field HypercallArgs.space (u32) can reach parameter 'v' of useU16 (u16): values 0x10000..0xFFFFFFFF would be truncated
      last[0] = a.space;
    }
  }

  // a check of another element proves nothing of this one
  static void otherElementChecked(HypercallArgs a) {
    long[] args = {a.space, a.space};
    if (args[1] > 0xFFFF) {
      return;
    }
    useU16((int) args[0]);
    //     ^[abiguard:narrowing] field HypercallArgs.space (u32) can reach parameter 'v' of useU16 (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  // a write after the check takes back what the check proved
  static void writtenAfterTheCheck(HypercallArgs a) {
    long[] args = {a.domid};
    if (args[0] > 0xFFFF) {
      return;
    }
    args[0] = a.space;
    useU16((int) args[0]);
    //     ^[abiguard:narrowing] field HypercallArgs.space (u32) can reach parameter 'v' of useU16 (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  // an enhanced for over the array gets what any element holds
  static void eachElement(HypercallArgs a) {
    long[] args = {a.domid, a.space};
    for (long arg : args) {
      useU16((int) arg);
      //     ^[abiguard:narrowing] field HypercallArgs.space (u32) can reach parameter 'v' of useU16 (u16): values 0x10000..0xFFFFFFFF would be truncated
    }
  }

  // and, in each round, what the rounds before wrote into it
  static void eachElementWrittenInTheLoop(HypercallArgs a) {
    long[] args = new long[2];
    for (long arg : args) {
      useU16((int) arg);
      //     ^[abiguard:narrowing] field HypercallArgs.space (u32) can reach parameter 'v' of useU16 (u16): values 0x10000..0xFFFFFFFF would be truncated
      args[1] = a.space;
    }
  }

  static void useU16(@U16 int v) {}
}
