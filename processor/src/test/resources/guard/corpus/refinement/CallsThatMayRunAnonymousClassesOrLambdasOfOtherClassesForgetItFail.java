package corpus.refinement;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// a call may run code of another class that no name in the call names, and forgets the checks of
// the fields that code writes: a dispatching call, an anonymous class's method that overrides
// the one called (of the interface itself, or of a class that implements it) and the body of an
// enum constant; a call of a functional interface's method, any lambda of as many parameters and
// any method a method reference may name that takes as many arguments; also where the receiver
// is a local declared with a lambda that is assigned another function later, in the class's own
// method or in another class's

// ALSO STRICT

@AbiStruct(name = "function_written_map")
class FunctionWrittenMap {
  @U32 public long size;
  @U32 public long idx;
}

interface Apply {
  void apply(FunctionWrittenMap op, long raw);
}

class QuietApply implements Apply {
  @Override
  public void apply(FunctionWrittenMap op, long raw) {}
}

@FunctionalInterface
interface Handle {
  void handle(FunctionWrittenMap op, long raw);
}

@FunctionalInterface
interface Visit {
  void visit(FunctionWrittenMap op, long raw, int flags);
}

enum Mode {
  GROW {
    @Override
    void run(FunctionWrittenMap op, long raw) {
      op.size = raw & 0xFFFFFFFFL;
    }
  },
  KEEP {
    @Override
    void run(FunctionWrittenMap op, long raw) {}
  };

  abstract void run(FunctionWrittenMap op, long raw);
}

final class Functions {
  private Functions() {}

  static final Apply ANONYMOUS =
      new Apply() {
        @Override
        public void apply(FunctionWrittenMap op, long raw) {
          op.size = raw & 0xFFFFFFFFL;
        }
      };

  static final Apply SUBCLASSED =
      new QuietApply() {
        @Override
        public void apply(FunctionWrittenMap op, long raw) {
          op.idx = raw & 0xFFFFFFFFL;
        }
      };

  static final Handle LAMBDA = (op, raw) -> op.size = raw & 0xFFFFFFFFL;

  static final Visit REFERENCE = Functions::visitIdx;

  static void visitIdx(FunctionWrittenMap op, long raw, int flags) {
    op.idx = raw & 0xFFFFFFFFL;
  }

  static void handleEither(FunctionWrittenMap op, long raw, boolean shared) {
    Handle handle = (o, r) -> {};
    if (shared) {
      handle = LAMBDA;
    }
    handle.handle(op, raw);
  }
}

class CallsThatMayRunAnonymousClassesOrLambdasOfOtherClasses {
  static void take(@U16 int v) {}

  void anonymousClass(Apply apply, FunctionWrittenMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    apply.apply(op, raw);
    take((int) op.size);
    //   ^[abiguard:narrowing] field FunctionWrittenMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void anonymousSubclassOfAnImplementation(QuietApply apply, FunctionWrittenMap op, long raw) {
    if (op.idx > 0xFFFF) {
      return;
    }
    apply.apply(op, raw);
    take((int) op.idx);
    //   ^[abiguard:narrowing] field FunctionWrittenMap.idx (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void enumConstantBody(Mode mode, FunctionWrittenMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    mode.run(op, raw);
    take((int) op.size);
    //   ^[abiguard:narrowing] field FunctionWrittenMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void lambda(Handle handle, FunctionWrittenMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    handle.handle(op, raw);
    take((int) op.size);
    //   ^[abiguard:narrowing] field FunctionWrittenMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void methodReference(Visit visit, FunctionWrittenMap op, long raw) {
    if (op.idx > 0xFFFF) {
      return;
    }
    visit.visit(op, raw, 0);
    take((int) op.idx);
    //   ^[abiguard:narrowing] field FunctionWrittenMap.idx (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void localAssignedAnotherFunction(FunctionWrittenMap op, long raw, boolean shared) {
    Handle handle = (o, r) -> {};
    if (shared) {
      handle = Functions.LAMBDA;
    }
    if (op.size > 0xFFFF) {
      return;
    }
    handle.handle(op, raw);
    take((int) op.size);
    //   ^[abiguard:narrowing] field FunctionWrittenMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void anotherClassLocalAssignedAnotherFunction(FunctionWrittenMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    Functions.handleEither(op, raw, true);
    take((int) op.size);
    //   ^[abiguard:narrowing] field FunctionWrittenMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}
