package corpus.refinement;

import java.util.AbstractList;
import java.util.Map;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// an object whose class extends a class from a jar (AbstractList, RuntimeException) runs that
// class's code whenever one of the methods it inherits runs, and that code may call any of its
// overrides: reached as an Object, an Iterable or a value of a Map<String, Object>, its toString() is
// AbstractCollection's, which runs its size(), or Throwable's, which runs its getMessage(); a jar's
// call that may run one forgets the checks of the fields those overrides write

// ALSO STRICT

@AbiStruct(name = "jar_class_map")
class JarClassMap {
  @U32 public long size;
  @U32 public long idx;
}

/** A list whose size() writes a field; it overrides no toString. */
final class IdxCountingList extends AbstractList<JarClassMap> {
  private final JarClassMap op;

  IdxCountingList(JarClassMap op) {
    this.op = op;
  }

  @Override
  public JarClassMap get(int index) {
    return op;
  }

  @Override
  public int size() {
    op.idx = 0x12345L;
    return 1;
  }
}

/** An exception whose getMessage() writes a field: Throwable's toString calls it. */
final class SizeFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient JarClassMap op;

  SizeFailure(JarClassMap op) {
    this.op = op;
  }

  @Override
  public String getMessage() {
    op.size = 0x12345L;
    return "failed";
  }
}

class ObjectsOfClassesThatExtendAJarClass {
  static void take(@U16 int v) {}

  void aListReachedAsAnObject(JarClassMap op) {
    IdxCountingList ops = new IdxCountingList(op);
    if (op.idx > 0xFFFF) {
      return;
    }
    String.valueOf((Object) ops);
    take((int) op.idx);
    //   ^[abiguard:narrowing] field JarClassMap.idx (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void aListReachedAsAnIterable(JarClassMap op) {
    Iterable<JarClassMap> ops = new IdxCountingList(op);
    if (op.idx > 0xFFFF) {
      return;
    }
    ops.toString();
    take((int) op.idx);
    //   ^[abiguard:narrowing] field JarClassMap.idx (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void aListHeldAsAnObjectValue(JarClassMap op, Map<String, Object> things) {
    if (op.idx > 0xFFFF) {
      return;
    }
    things.toString();
    take((int) op.idx);
    //   ^[abiguard:narrowing] field JarClassMap.idx (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void aConcatenationOfAnObject(JarClassMap op, Object thing) {
    if (op.idx > 0xFFFF) {
      return;
    }
    String.valueOf("thing " + thing);
    take((int) op.idx);
    //   ^[abiguard:narrowing] field JarClassMap.idx (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void anExceptionReachedAsAnObject(JarClassMap op, Object failure) {
    if (op.size > 0xFFFF) {
      return;
    }
    String.valueOf(failure);
    take((int) op.size);
    //   ^[abiguard:narrowing] field JarClassMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}

/** The class analysed extends a jar's class, and is reached as an Object. */
final class OwnIdxCountingList extends AbstractList<JarClassMap> {
  static void take(@U16 int v) {}

  private final JarClassMap op = new JarClassMap();

  @Override
  public JarClassMap get(int index) {
    return op;
  }

  @Override
  public int size() {
    op.idx = 0x12345L;
    return 1;
  }

  static void reachedAsAnObject(JarClassMap other, Object thing) {
    if (other.idx > 0xFFFF) {
      return;
    }
    String.valueOf(thing);
    take((int) other.idx);
    //   ^[abiguard:narrowing] field JarClassMap.idx (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}
