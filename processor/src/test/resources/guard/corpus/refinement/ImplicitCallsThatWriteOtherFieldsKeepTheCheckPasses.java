package corpus.refinement;

import java.util.Iterator;
import java.util.List;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// calls that code makes without naming them keep a check of a field they do not write: a
// concatenation of an object whose toString() writes another field, of numbers and of strings; an
// enhanced for loop over an array, over a list, or over an object whose iterator writes another
// field; a check made inside a try-with-resources block, before close() runs, and after a close()
// that writes another field

// ALSO STRICT

@AbiStruct(name = "implicit_kept_map")
class ImplicitKeptMap {
  @U32 public long size;
  @U32 public long idx;
}

final class IdxLabel {
  private final ImplicitKeptMap op;

  IdxLabel(ImplicitKeptMap op) {
    this.op = op;
  }

  @Override
  public String toString() {
    op.idx = 0x12345L;
    return "label";
  }
}

final class IdxKeptSteps implements Iterable<ImplicitKeptMap> {
  private final ImplicitKeptMap op;

  IdxKeptSteps(ImplicitKeptMap op) {
    this.op = op;
  }

  @Override
  public Iterator<ImplicitKeptMap> iterator() {
    return new Iterator<>() {
      private boolean done;

      @Override
      public boolean hasNext() {
        return !done;
      }

      @Override
      public ImplicitKeptMap next() {
        done = true;
        op.idx = 0x12345L;
        return op;
      }
    };
  }
}

final class IdxLease implements AutoCloseable {
  private final ImplicitKeptMap op;

  IdxLease(ImplicitKeptMap op) {
    this.op = op;
  }

  @Override
  public void close() {
    op.idx = 0x12345L;
  }
}

class ImplicitCallsThatWriteOtherFields {
  static void take(@U16 int v) {}

  void concatenations(ImplicitKeptMap op, String name) {
    IdxLabel label = new IdxLabel(op);
    if (op.size > 0xFFFF) {
      return;
    }
    String text = "op " + label + " " + op.idx + name;
    text += 7;
    text += name;
    take((int) op.size);
  }

  void loops(ImplicitKeptMap op, ImplicitKeptMap[] ops) {
    if (op.size > 0xFFFF) {
      return;
    }
    for (ImplicitKeptMap each : ops) {
      take((int) op.size);
      take(each == null ? 0 : 1);
    }
    for (ImplicitKeptMap each : List.of(op)) {
      take((int) op.size);
      take(each == null ? 0 : 1);
    }
    for (ImplicitKeptMap each : new IdxKeptSteps(op)) {
      take((int) op.size);
      take(each == null ? 0 : 1);
    }
    take((int) op.size);
  }

  void resources(ImplicitKeptMap op) {
    if (op.idx > 0xFFFF) {
      return;
    }
    try (IdxLease lease = new IdxLease(op)) {
      take((int) op.idx);
      take(lease == null ? 0 : 1);
    }
    if (op.size > 0xFFFF) {
      return;
    }
    try (IdxLease lease = new IdxLease(op)) {
      take(lease == null ? 0 : 1);
    }
    take((int) op.size);
  }
}
