package corpus.sinks;

// ALSO STRICT

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "memop_args")
class MemopArgs {
  @U32 public long space;
  @U16 public int domid;
}

// in strict mode too, an element of a local array that only constant indexes name has the value
// written into it, not any value of its Java type
class LocalArrayElementReads {
  static final int ARG_DOMID = 1;

  static void otherElementsHoldZero(MemopArgs a) {
    long[] args = new long[3];
    args[0] = a.space;
    useU16((int) args[1]);
    useU16((int) args[2]);
  }

  static void narrowElementOfAnInitializer(MemopArgs a) {
    long[] args = {a.space, a.domid};
    useU16((int) args[ARG_DOMID]);
  }

  static void checkedElement(MemopArgs a) {
    long[] args = {a.space, a.domid};
    if (args[0] > 0xFFFF) {
      return;
    }
    useU16((int) args[0]);
  }

  static void overwrittenWithANarrowerValue(MemopArgs a) {
    long[] args = {a.space};
    args[0] = a.domid;
    useU16((int) args[0]);
  }

  static void copiedToALocalAndChecked(MemopArgs a) {
    long[] args = {a.space};
    long space = args[0];
    if (space > 0xFFFF) {
      return;
    }
    useU16((int) args[0]);
  }

  static void maskedInPlace(MemopArgs a) {
    long[] args = {a.space};
    args[0] &= 0xFFFF;
    useU16((int) args[0]);
  }

  static void length(MemopArgs a) {
    int[] ports = new int[4];
    ports[0] = a.domid;
    useU16(ports.length);
    useU16(ports[0]);
  }

  static void eachElement(MemopArgs a) {
    long[] args = {a.domid, 0xFFFF};
    for (long arg : args) {
      useU16((int) arg);
    }
  }

  static void useU16(@U16 int v) {}
}
