package corpus.sinks;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "object_parameter_op")
final class ObjectParameterOp {
  @U32 int space;
}

class ObjectParameter {
  static void addOne(@U16 int space) {}

  // a dispatcher that takes any value: a number passed to it is followed in as its box
  static void store(Object value) {
    if (value instanceof Integer space) {
      addOne(space);
    }
  }

  static void storeChecked(Object value) {
    if (value instanceof Integer space && space >= 0 && space <= 0xFFFF) {
      addOne(space);
    }
  }

  static void passed(ObjectParameterOp op) {
    store(op.space);
    //      ^[abiguard:narrowing] field ObjectParameterOp.space (u32) can reach parameter 'space' of addOne (u16) through parameter 'value' of store (line 18)
    Object kept = op.space;
    store(kept);
    //    ^[abiguard:narrowing] field ObjectParameterOp.space (u32) can reach parameter 'space' of addOne (u16) through parameter 'value' of store (line 18)
  }

  static void fits(ObjectParameterOp op) {
    storeChecked(op.space);
    store(op.space & 0xFFFF);
    store((long) op.space); // a Long never reaches the Integer case
  }
}
