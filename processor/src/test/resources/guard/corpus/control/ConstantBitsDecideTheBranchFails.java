package corpus.control;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "constant_bits_op")
final class ConstantBitsOp {
  @U32 int space;
}

class ConstantBits {
  static final int F_COMPAT16 = 1 << 3;
  static final int F_TRACE = 1 << 4;
  static final int FEATURES = F_TRACE | 1;

  static void addOne(@U16 int space) {}

  // bits of constants are one value: a test of them decides the branch, a switch on them the case
  static void deadBranches(ConstantBitsOp op) {
    if ((FEATURES & F_COMPAT16) != 0) {
      addOne(op.space);
    }
    switch (FEATURES & 3) {
      case 0 -> addOne(op.space);
      case 1 -> addOne(op.space & 0xFFFF);
      default -> addOne(op.space);
    }
    if ((FEATURES ^ F_TRACE) == 1) {
      addOne(op.space & 0xFF);
    } else {
      addOne(op.space);
    }
  }

  static void liveBranch(ConstantBitsOp op) {
    if ((FEATURES & F_TRACE) != 0) {
      addOne(op.space);
      //       ^[abiguard:narrowing] field ConstantBitsOp.space (u32) can reach parameter 'space' of addOne (u16)
    }
  }
}
