package corpus.refinement;

import java.util.function.Consumer;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// a call keeps a check of a field that no code it may run without naming it writes: an anonymous
// class of another interface whose method has the same name (neither is a functional interface), an
// anonymous class's method of another name, an enum constant's body that writes another field, a
// lambda of another number of parameters, a call of a method that is no functional interface's, and
// a call on a local that only ever holds the lambda it is declared with, which writes another field
// (in the class's own method, and in another class's), while another class's lambda writes the
// field

// ALSO STRICT

@AbiStruct(name = "function_kept_map")
class FunctionKeptMap {
  @U32 public long size;
  @U32 public long idx;
}

interface KeptApply {
  void apply(FunctionKeptMap op, long raw);

  void clear();
}

interface OtherApply {
  void apply(FunctionKeptMap op, long raw);

  void clear();
}

@FunctionalInterface
interface KeptHandle {
  void handle(FunctionKeptMap op, long raw);
}

@FunctionalInterface
interface KeptVisit {
  void visit(FunctionKeptMap op, long raw, int flags);
}

enum KeptMode {
  IDX {
    @Override
    void run(FunctionKeptMap op, long raw) {
      op.idx = raw & 0xFFFFFFFFL;
    }
  };

  abstract void run(FunctionKeptMap op, long raw);
}

abstract class KeptBase {
  abstract void settle(FunctionKeptMap op, long raw);
}

final class KeptFunctions {
  private KeptFunctions() {}

  static final OtherApply OTHER =
      new OtherApply() {
        @Override
        public void apply(FunctionKeptMap op, long raw) {
          op.size = raw & 0xFFFFFFFFL;
        }

        @Override
        public void clear() {}
      };

  static final KeptApply RENAMED =
      new KeptApply() {
        @Override
        public void apply(FunctionKeptMap op, long raw) {
          op.idx = raw & 0xFFFFFFFFL;
        }

        @Override
        public void clear() {}

        void resize(FunctionKeptMap op, long raw) {
          op.size = raw & 0xFFFFFFFFL;
        }
      };

  static final Consumer<FunctionKeptMap> ONE_PARAMETER = op -> op.size = 0x12345;

  static final KeptHandle SIZE_LAMBDA = (op, raw) -> op.size = raw & 0xFFFFFFFFL;

  static void handleIdx(FunctionKeptMap op, long raw) {
    KeptHandle handle = (o, r) -> o.idx = r & 0xFFFFFFFFL;
    handle.handle(op, raw);
  }

  static final KeptBase BASE =
      new KeptBase() {
        @Override
        void settle(FunctionKeptMap op, long raw) {
          op.idx = raw & 0xFFFFFFFFL;
        }
      };
}

class CallsThatMayRunAnonymousClassesOrLambdasThatWriteOtherFields {
  static void take(@U16 int v) {}

  void sameNameOfAnotherInterface(KeptApply apply, FunctionKeptMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    apply.apply(op, raw);
    take((int) op.size);
  }

  void enumConstantWritesAnotherField(KeptMode mode, FunctionKeptMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    mode.run(op, raw);
    take((int) op.size);
  }

  void lambdasOfOtherArities(KeptVisit visit, FunctionKeptMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    visit.visit(op, raw, 0);
    take((int) op.size);
  }

  void localHoldingOnlyItsLambda(FunctionKeptMap op, long raw) {
    KeptHandle handle = (o, r) -> o.idx = r & 0xFFFFFFFFL;
    if (op.size > 0xFFFF) {
      return;
    }
    handle.handle(op, raw);
    take((int) op.size);
  }

  void anotherClassLocalHoldingOnlyItsLambda(FunctionKeptMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    KeptFunctions.handleIdx(op, raw);
    take((int) op.size);
  }

  void notAFunction(KeptBase base, FunctionKeptMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    base.settle(op, raw);
    take((int) op.size);
  }
}
