package corpus.refinement;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// a method from a jar or class file keeps a check of a field that no override of a jar's method
// on the objects handed to it writes: the overrides write another field, the object is of a final
// class from a jar (a String, an Integer), the method called is the compilation's own (its body
// tells what it runs), and the object's class overrides no method a jar declares

// ALSO STRICT

@AbiStruct(name = "jar_kept_hand_map")
class JarKeptHandMap {
  @U32 public long size;
  @U32 public long idx;
}

final class IdxTracer {
  private final JarKeptHandMap op;

  IdxTracer(JarKeptHandMap op) {
    this.op = op;
  }

  @Override
  public String toString() {
    op.idx = 0x12345L;
    return "tracer";
  }
}

class IdxGrowingOps extends AbstractList<JarKeptHandMap> {
  private final JarKeptHandMap op;

  IdxGrowingOps(JarKeptHandMap op) {
    this.op = op;
  }

  @Override
  public JarKeptHandMap get(int index) {
    return op;
  }

  @Override
  public int size() {
    op.idx = 0x12345L;
    return 1;
  }

  /** The compilation's own method, which writes nothing: a call of it runs no size(). */
  int first() {
    return 0;
  }
}

/** A class that overrides no method a jar declares: a jar's code runs nothing of it. */
final class PlainHolder {
  private final JarKeptHandMap op;

  PlainHolder(JarKeptHandMap op) {
    this.op = op;
  }

  void grow() {
    op.size = 0x12345L;
  }
}

class ObjectsPassedToJarMethodsWhoseOverridesWriteOtherFields {
  static void take(@U16 int v) {}

  void toStringWritesAnotherField(JarKeptHandMap op) {
    IdxTracer tracer = new IdxTracer(op);
    if (op.size > 0xFFFF) {
      return;
    }
    String.valueOf(tracer);
    take((int) op.size);
  }

  void sizeWritesAnotherField(JarKeptHandMap op) {
    IdxGrowingOps ops = new IdxGrowingOps(op);
    if (op.size > 0xFFFF) {
      return;
    }
    new ArrayList<>(ops);
    ops.contains(op);
    take((int) op.size);
  }

  void objectsOfFinalJarClasses(JarKeptHandMap op, String name) {
    if (op.size > 0xFFFF) {
      return;
    }
    name.trim();
    Integer.valueOf(name.length()).toString();
    take((int) op.size);
  }

  void theCompilationsOwnMethod(JarKeptHandMap op) {
    IdxGrowingOps ops = new IdxGrowingOps(op);
    if (op.idx > 0xFFFF) {
      return;
    }
    ops.first();
    take((int) op.idx);
  }

  void aClassThatOverridesNoJarMethod(JarKeptHandMap op) {
    PlainHolder holder = new PlainHolder(op);
    if (op.size > 0xFFFF) {
      return;
    }
    String.valueOf(holder);
    List.of(holder).hashCode();
    take((int) op.size);
  }
}

/** The class analysed is the object: its overrides write another field. */
class OwnIdxGrowingOps extends AbstractList<JarKeptHandMap> {
  static void take(@U16 int v) {}

  private final JarKeptHandMap op;

  OwnIdxGrowingOps(JarKeptHandMap op) {
    this.op = op;
  }

  @Override
  public JarKeptHandMap get(int index) {
    return op;
  }

  @Override
  public int size() {
    op.idx = 0x12345L;
    return 1;
  }

  void jarMethodOnThis(JarKeptHandMap other) {
    if (other.size > 0xFFFF) {
      return;
    }
    if (isEmpty() || contains(other)) {
      return;
    }
    List.copyOf(this);
    take((int) other.size);
  }
}
