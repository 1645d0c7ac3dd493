package corpus.control;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "constant_flag_op")
final class ConstantFlagOp {
  @U32 int space;
}

final class Config {
  static final boolean COMPAT_16 = false;
  static final boolean TRACE = true;

  private Config() {}
}

class ConstantFlag {
  static final boolean DEBUG = false;

  static void addOne(@U16 int space) {}

  static void trace16(@U16 int value) {}

  // a branch a constant condition never takes is compiled out by javac, and not checked
  static void deadBranches(ConstantFlagOp op) {
    if (DEBUG) {
      trace16(op.space);
    }
    if (Config.COMPAT_16) {
      addOne(op.space);
    }
    final boolean verbose = false;
    if (verbose && op.space > 0) {
      trace16(op.space);
    }
    int narrowed = DEBUG ? op.space : op.space & 0xFFFF;
    addOne(narrowed);
  }

  // the branch it takes is checked
  static void liveBranches(ConstantFlagOp op) {
    if (!DEBUG) {
      addOne(op.space);
      //       ^[abiguard:narrowing] field ConstantFlagOp.space (u32) can reach parameter 'space' of addOne (u16)
    }
    if (Config.TRACE) {
      trace16(op.space);
      //        ^[abiguard:narrowing] field ConstantFlagOp.space (u32) can reach parameter 'value' of trace16 (u16)
    } else {
      addOne(op.space);
    }
  }
}
