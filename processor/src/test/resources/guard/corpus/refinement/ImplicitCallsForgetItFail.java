package corpus.refinement;

import java.util.Iterator;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// code that calls methods no call in it names forgets the checks of the fields those methods may
// write: a string concatenation runs toString() on each object it joins, an enhanced for loop runs
// iterator(), hasNext() and next() on what it loops over, and a try-with-resources statement runs
// close() on each resource as the try block ends; in the method analysed, in a helper of its class
// and in a method of another class

// ALSO STRICT

@AbiStruct(name = "implicit_map")
class ImplicitMap {
  @U32 public long size;
  @U32 public long idx;
}

/** A toString that writes a field. */
final class SizeLabel {
  private final ImplicitMap op;

  SizeLabel(ImplicitMap op) {
    this.op = op;
  }

  @Override
  public String toString() {
    op.size = 0x12345L;
    return "label";
  }
}

/** An Iterable whose iterator's next() writes a field. */
final class IdxSteps implements Iterable<ImplicitMap> {
  private final ImplicitMap op;

  IdxSteps(ImplicitMap op) {
    this.op = op;
  }

  @Override
  public Iterator<ImplicitMap> iterator() {
    return new Iterator<>() {
      private boolean done;

      @Override
      public boolean hasNext() {
        return !done;
      }

      @Override
      public ImplicitMap next() {
        done = true;
        op.idx = 0x12345L;
        return op;
      }
    };
  }
}

/** A resource whose close() writes a field. */
final class SizeLease implements AutoCloseable {
  private final ImplicitMap op;

  SizeLease(ImplicitMap op) {
    this.op = op;
  }

  @Override
  public void close() {
    op.size = 0x12345L;
  }
}

final class ImplicitHelpers {
  private ImplicitHelpers() {}

  static String describe(SizeLabel label) {
    return "op " + label;
  }

  static int walk(IdxSteps steps) {
    int count = 0;
    for (ImplicitMap each : steps) {
      count += each == null ? 0 : 1;
    }
    return count;
  }
}

class ImplicitCalls {
  static void take(@U16 int v) {}

  void concatenationRunsToString(ImplicitMap op) {
    SizeLabel label = new SizeLabel(op);
    if (op.size > 0xFFFF) {
      return;
    }
    String text = "op " + label;
    take((int) op.size);
    //   ^[abiguard:narrowing] field ImplicitMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
    text.length();
  }

  void compoundConcatenationRunsToString(ImplicitMap op, String text) {
    SizeLabel label = new SizeLabel(op);
    if (op.size > 0xFFFF) {
      return;
    }
    text += label;
    take((int) op.size);
    //   ^[abiguard:narrowing] field ImplicitMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void enhancedForRunsNext(ImplicitMap op) {
    IdxSteps steps = new IdxSteps(op);
    if (op.idx > 0xFFFF) {
      return;
    }
    for (ImplicitMap each : steps) {
      take((int) op.idx);
      //   ^[abiguard:narrowing] field ImplicitMap.idx (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
      if (each == null) {
        return;
      }
    }
  }

  void tryWithResourcesRunsClose(ImplicitMap op) {
    if (op.size > 0xFFFF) {
      return;
    }
    try (SizeLease lease = new SizeLease(op)) {
      take((int) op.size);
      if (lease == null) {
        return;
      }
    }
    take((int) op.size);
    //   ^[abiguard:narrowing] field ImplicitMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  int closeRunsBeforeAReturnLeavesTheTry(ImplicitMap op, SizeLease lease) {
    if (op.size > 0xFFFF) {
      return 0;
    }
    try (lease) {
      for (int i = 0; i < 3; i++) {
        if (i == 1) {
          break;
        }
      }
    } finally {
      take((int) op.size);
      //   ^[abiguard:narrowing] field ImplicitMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
    }
    return 1;
  }

  void anotherClassConcatenates(ImplicitMap op) {
    SizeLabel label = new SizeLabel(op);
    if (op.size > 0xFFFF) {
      return;
    }
    ImplicitHelpers.describe(label);
    take((int) op.size);
    //   ^[abiguard:narrowing] field ImplicitMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void anotherClassLoops(ImplicitMap op) {
    if (op.idx > 0xFFFF) {
      return;
    }
    ImplicitHelpers.walk(new IdxSteps(op));
    take((int) op.idx);
    //   ^[abiguard:narrowing] field ImplicitMap.idx (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  private static void closeIt(SizeLease lease) {
    try (lease) {
      take(1);
    }
  }

  void ownHelperClosesAResource(ImplicitMap op) {
    if (op.size > 0xFFFF) {
      return;
    }
    closeIt(new SizeLease(op));
    take((int) op.size);
    //   ^[abiguard:narrowing] field ImplicitMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}
