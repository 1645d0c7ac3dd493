package corpus.strict;

// OPTIONS: -Aabiguard.mode=strict

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "strict_forwarded_op")
class StrictForwardedOp {
  @U32 public long space;
}

// In strict mode a parameter without a width is any value of its Java type to its method's own
// analysis, which reports where it is narrowed; a value passed to it is not followed in as well,
// so each narrowing is reported once, inside the method, whoever calls it.
class StrictForwarders {
  static void addOne(@U16 int space) {}

  static void forward(long v) {
    addOne((int) v);
    //     ^[abiguard:narrowing] parameter 'v' of forward (s64) can reach parameter 'space' of addOne (u16)
  }

  static void run(StrictForwardedOp op) {
    forward(op.space);
    forward(op.space & 0xFFFF);
  }
}
