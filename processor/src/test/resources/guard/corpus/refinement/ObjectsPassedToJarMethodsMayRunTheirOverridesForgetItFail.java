package corpus.refinement;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// a method from a jar or class file may call, on each object handed to it (an argument, the object
// it is called on, the new object a constructor of a class's jar superclass makes), any method a
// jar type of the object declares, and so the object's override of it: String.valueOf runs
// toString, new ArrayList<>(c) and contains run size, HashSet(Collection) runs add; a call of one
// forgets the checks of the fields such an override writes, in another class or in the class
// analysed

// ALSO STRICT

@AbiStruct(name = "jar_hand_map")
class JarHandMap {
  @U32 public long size;
  @U32 public long idx;
}

/** A toString that writes a field: a jar's String.valueOf calls it. */
final class SizeTracer {
  private final JarHandMap op;
  private final long raw;

  SizeTracer(JarHandMap op, long raw) {
    this.op = op;
    this.raw = raw;
  }

  @Override
  public String toString() {
    op.size = raw & 0xFFFFFFFFL;
    return "tracer";
  }
}

/** A list whose size() writes a field: AbstractCollection's contains, toArray, isEmpty call it. */
class GrowingOps extends AbstractList<JarHandMap> {
  private final JarHandMap op;

  GrowingOps(JarHandMap op) {
    this.op = op;
  }

  @Override
  public JarHandMap get(int index) {
    return op;
  }

  @Override
  public int size() {
    op.idx = 0x12345L;
    return 1;
  }

  boolean anyOp() {
    return !isEmpty();
  }
}

/** A set whose add writes a field: HashSet(Collection) calls addAll, which calls add. */
class WideningSet extends HashSet<JarHandMap> {
  private static final long serialVersionUID = 1L;

  WideningSet(Collection<JarHandMap> from) {
    super(from);
  }

  @Override
  public boolean add(JarHandMap e) {
    e.size = 0x12345L;
    return super.add(e);
  }
}

/** A constructor that writes a field, and one that delegates to it (this(...), read again). */
final class SizeSettler {
  SizeSettler(JarHandMap op, long raw) {
    op.size = raw & 0xFFFFFFFFL;
  }

  SizeSettler(JarHandMap op) {
    this(op, 0x12345L);
  }
}

class ObjectsPassedToJarMethods {
  static void take(@U16 int v) {}

  void argumentWhoseToStringWrites(JarHandMap op, long raw) {
    SizeTracer tracer = new SizeTracer(op, raw);
    if (op.size > 0xFFFF) {
      return;
    }
    String.valueOf(tracer);
    take((int) op.size);
    //   ^[abiguard:narrowing] field JarHandMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void argumentWhoseSizeWrites(JarHandMap op) {
    GrowingOps ops = new GrowingOps(op);
    if (op.idx > 0xFFFF) {
      return;
    }
    new ArrayList<>(ops);
    take((int) op.idx);
    //   ^[abiguard:narrowing] field JarHandMap.idx (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void receiverOfAnInheritedJarMethod(JarHandMap op) {
    GrowingOps ops = new GrowingOps(op);
    if (op.idx > 0xFFFF) {
      return;
    }
    ops.contains(op);
    take((int) op.idx);
    //   ^[abiguard:narrowing] field JarHandMap.idx (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void anotherClassCallsAJarMethodOnItself(JarHandMap op) {
    GrowingOps ops = new GrowingOps(op);
    if (op.idx > 0xFFFF) {
      return;
    }
    ops.anyOp();
    take((int) op.idx);
    //   ^[abiguard:narrowing] field JarHandMap.idx (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void aConstructorCallsAJarSuperclassConstructor(JarHandMap op) {
    if (op.size > 0xFFFF) {
      return;
    }
    new WideningSet(List.of(op));
    take((int) op.size);
    //   ^[abiguard:narrowing] field JarHandMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void aConstructorDelegatesToOneThatWrites(JarHandMap op) {
    if (op.size > 0xFFFF) {
      return;
    }
    new SizeSettler(op);
    take((int) op.size);
    //   ^[abiguard:narrowing] field JarHandMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}

/** The class analysed is the object: its own calls of jar methods on itself run its size(). */
class OwnGrowingOps extends AbstractList<JarHandMap> {
  static void take(@U16 int v) {}

  private final JarHandMap op;

  OwnGrowingOps(JarHandMap op) {
    this.op = op;
  }

  @Override
  public JarHandMap get(int index) {
    return op;
  }

  @Override
  public int size() {
    op.idx = 0x12345L;
    return 1;
  }

  void jarMethodOnThis(JarHandMap other) {
    if (other.idx > 0xFFFF) {
      return;
    }
    if (isEmpty()) {
      return;
    }
    take((int) other.idx);
    //   ^[abiguard:narrowing] field JarHandMap.idx (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  private int spread() {
    return hashCode();
  }

  void helperCallsAJarMethodOnThis(JarHandMap other) {
    if (other.idx > 0xFFFF) {
      return;
    }
    spread();
    take((int) other.idx);
    //   ^[abiguard:narrowing] field JarHandMap.idx (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void thisPassedToAJarMethod(JarHandMap other) {
    if (other.idx > 0xFFFF) {
      return;
    }
    List.copyOf(this);
    take((int) other.idx);
    //   ^[abiguard:narrowing] field JarHandMap.idx (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}

/** The class analysed makes the object: its constructor's super(from) runs its add. */
class OwnWideningSet extends HashSet<JarHandMap> {
  private static final long serialVersionUID = 1L;

  static void take(@U16 int v) {}

  OwnWideningSet(Collection<JarHandMap> from) {
    super(from);
  }

  @Override
  public boolean add(JarHandMap e) {
    e.size = 0x12345L;
    return super.add(e);
  }

  static void superConstructorFromAJar(JarHandMap op) {
    if (op.size > 0xFFFF) {
      return;
    }
    new OwnWideningSet(List.of(op));
    take((int) op.size);
    //   ^[abiguard:narrowing] field JarHandMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}
