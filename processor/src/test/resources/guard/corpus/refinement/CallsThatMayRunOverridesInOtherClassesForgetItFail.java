package corpus.refinement;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// a call that dispatches on its receiver's class may run an override of its method in another class
// of the compilation, and forgets the checks of the fields that override writes: an interface's
// implementation in another class, a superclass method's override, an override of the class's own
// method in a subclass, a method a class inherits from a class that does not implement the
// interface, an implementation in a member class of another class, an override reached through a
// method of another class, and a method reference to an interface method passed to a method; so do
// the calls the class's own methods make in turn, of another class's method and of an interface
// method

// ALSO STRICT

@AbiStruct(name = "dispatched_map")
class DispatchedMap {
  @U32 public long size;
  @U32 public long idx;
}

interface Step {
  void apply(DispatchedMap op, long raw);
}

final class ResetStep implements Step {
  @Override
  public void apply(DispatchedMap op, long raw) {
    op.size = raw & 0xFFFFFFFFL;
  }
}

class Hooks {
  void hook(DispatchedMap op, long raw) {}
}

final class ResettingHooks extends Hooks {
  @Override
  void hook(DispatchedMap op, long raw) {
    op.size = raw & 0xFFFFFFFFL;
  }
}

interface Sizer {
  void resize(DispatchedMap op, long raw);
}

class SizeWriter {
  public void resize(DispatchedMap op, long raw) {
    op.size = raw & 0xFFFFFFFFL;
  }
}

final class InheritedSizer extends SizeWriter implements Sizer {}

interface Refresher {
  void refresh(DispatchedMap op, long raw);
}

final class Refreshers {
  private Refreshers() {}

  static final class Full implements Refresher {
    @Override
    public void refresh(DispatchedMap op, long raw) {
      op.size = raw & 0xFFFFFFFFL;
    }
  }
}

interface Finisher {
  void finish(DispatchedMap op, long raw);
}

final class ResetFinisher implements Finisher {
  @Override
  public void finish(DispatchedMap op, long raw) {
    op.size = raw & 0xFFFFFFFFL;
  }
}

final class Steps {
  private Steps() {}

  static void run(Finisher finisher, DispatchedMap op, long raw) {
    finisher.finish(op, raw);
  }

  static void reset(DispatchedMap op, long raw) {
    op.size = raw & 0xFFFFFFFFL;
  }
}

class CallsThatMayRunOverridesInOtherClasses {
  static void take(@U16 int v) {}

  void adjust(DispatchedMap op, long raw) {}

  private void resetThroughOtherClass(DispatchedMap op, long raw) {
    Steps.reset(op, raw);
  }

  private void applyStep(Step step, DispatchedMap op, long raw) {
    step.apply(op, raw);
  }

  private static void withStep(Step step, DispatchedMap op, long raw) {}

  void interfaceImplementation(Step step, DispatchedMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    step.apply(op, raw);
    take((int) op.size);
    //   ^[abiguard:narrowing] field DispatchedMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void superclassOverride(Hooks hooks, DispatchedMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    hooks.hook(op, raw);
    take((int) op.size);
    //   ^[abiguard:narrowing] field DispatchedMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void ownMethodOverridden(DispatchedMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    adjust(op, raw);
    take((int) op.size);
    //   ^[abiguard:narrowing] field DispatchedMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void inheritedFromAClassOutsideTheInterface(Sizer sizer, DispatchedMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    sizer.resize(op, raw);
    take((int) op.size);
    //   ^[abiguard:narrowing] field DispatchedMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void memberClassImplementation(Refresher refresher, DispatchedMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    refresher.refresh(op, raw);
    take((int) op.size);
    //   ^[abiguard:narrowing] field DispatchedMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void throughAnotherClassMethod(Finisher finisher, DispatchedMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    Steps.run(finisher, op, raw);
    take((int) op.size);
    //   ^[abiguard:narrowing] field DispatchedMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void ownMethodCallingAnotherClass(DispatchedMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    resetThroughOtherClass(op, raw);
    take((int) op.size);
    //   ^[abiguard:narrowing] field DispatchedMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void ownMethodCallingAnInterface(Step step, DispatchedMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    applyStep(step, op, raw);
    take((int) op.size);
    //   ^[abiguard:narrowing] field DispatchedMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void methodReferencePassed(Step step, DispatchedMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    withStep(step::apply, op, raw);
    take((int) op.size);
    //   ^[abiguard:narrowing] field DispatchedMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}

final class AdjustingCalls extends CallsThatMayRunOverridesInOtherClasses {
  @Override
  void adjust(DispatchedMap op, long raw) {
    op.size = raw & 0xFFFFFFFFL;
  }
}
