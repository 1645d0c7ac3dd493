package corpus.refinement;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// a call that dispatches keeps a check of a field no override it may run writes: implementations
// in other classes that write another field, a receiver of a final class whose method writes
// nothing (another implementation writes the field), an unqualified call of an inherited method
// that only a sibling class overrides, super.m() of a method that writes nothing, and the class's
// own method calling another class's method that writes another field

// ALSO STRICT

@AbiStruct(name = "kept_dispatch_map")
class KeptDispatchMap {
  @U32 public long size;
  @U32 public long idx;
}

interface KeptStep {
  void apply(KeptDispatchMap op, long raw);
}

final class IdxStep implements KeptStep {
  @Override
  public void apply(KeptDispatchMap op, long raw) {
    op.idx = raw & 0xFFFFFFFFL;
  }
}

interface Resizer {
  void resize(KeptDispatchMap op, long raw);
}

final class QuietResizer implements Resizer {
  @Override
  public void resize(KeptDispatchMap op, long raw) {}
}

final class LoudResizer implements Resizer {
  @Override
  public void resize(KeptDispatchMap op, long raw) {
    op.size = raw & 0xFFFFFFFFL;
  }
}

class KeptHooks {
  void hook(KeptDispatchMap op, long raw) {}
}

final class SiblingHooks extends KeptHooks {
  @Override
  void hook(KeptDispatchMap op, long raw) {
    op.size = raw & 0xFFFFFFFFL;
  }
}

final class KeptSteps {
  private KeptSteps() {}

  static void touchIdx(KeptDispatchMap op, long raw) {
    op.idx = raw & 0xFFFFFFFFL;
  }
}

class CallsThatMayRunOverridesThatWriteOtherFields extends KeptHooks {
  static void take(@U16 int v) {}

  private void idxThroughOtherClass(KeptDispatchMap op, long raw) {
    KeptSteps.touchIdx(op, raw);
  }

  void otherField(KeptStep step, KeptDispatchMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    step.apply(op, raw);
    take((int) op.size);
  }

  void finalReceiver(QuietResizer quiet, KeptDispatchMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    quiet.resize(op, raw);
    take((int) op.size);
  }

  void inheritedOverriddenOnlyBySibling(KeptDispatchMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    hook(op, raw);
    take((int) op.size);
  }

  void superCall(KeptDispatchMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    super.hook(op, raw);
    take((int) op.size);
  }

  void ownMethodCallingAnotherClass(KeptDispatchMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    idxThroughOtherClass(op, raw);
    take((int) op.size);
  }
}
