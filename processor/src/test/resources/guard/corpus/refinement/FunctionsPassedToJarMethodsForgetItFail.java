package corpus.refinement;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// a method from a jar or class file may run the function objects passed to it, and a call of one
// forgets the checks of the fields any function the object may be writes: a parameter of a
// functional interface's type (a lambda of another class, or a class that implements it), an
// object of a class that implements one, another class's lambda in a field, the class's own lambda
// in a local, and the same passed on by another class's method

// ALSO STRICT

@AbiStruct(name = "jar_run_map")
class JarRunMap {
  @U32 public long size;
  @U32 public long idx;
}

final class GrowSize implements Consumer<JarRunMap> {
  private final long raw;

  GrowSize(long raw) {
    this.raw = raw;
  }

  @Override
  public void accept(JarRunMap op) {
    op.size = raw & 0xFFFFFFFFL;
  }
}

final class JarFunctions {
  private JarFunctions() {}

  static final Consumer<JarRunMap> WIDEN_IDX = op -> op.idx = 0x12345L;

  static void forEachOp(List<JarRunMap> ops, Consumer<JarRunMap> action) {
    ops.forEach(action);
  }
}

class FunctionsPassedToJarMethods {
  static void take(@U16 int v) {}

  void parameterPassed(Consumer<JarRunMap> action, JarRunMap op) {
    if (op.size > 0xFFFF) {
      return;
    }
    Optional.of(op).ifPresent(action);
    take((int) op.size);
    //   ^[abiguard:narrowing] field JarRunMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void objectOfAClassThatImplementsIt(JarRunMap op, long raw) {
    GrowSize grow = new GrowSize(raw);
    if (op.size > 0xFFFF) {
      return;
    }
    List.of(op).forEach(grow);
    take((int) op.size);
    //   ^[abiguard:narrowing] field JarRunMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void fieldOfAnotherClassPassed(JarRunMap op) {
    if (op.idx > 0xFFFF) {
      return;
    }
    List.of(op).forEach(JarFunctions.WIDEN_IDX);
    take((int) op.idx);
    //   ^[abiguard:narrowing] field JarRunMap.idx (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void ownLambdaInALocalPassed(JarRunMap op, long raw) {
    Consumer<JarRunMap> grow = o -> o.size = raw & 0xFFFFFFFFL;
    if (op.size > 0xFFFF) {
      return;
    }
    List.of(op).forEach(grow);
    take((int) op.size);
    //   ^[abiguard:narrowing] field JarRunMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void anotherClassPassesItOnToAJar(JarRunMap op) {
    if (op.idx > 0xFFFF) {
      return;
    }
    JarFunctions.forEachOp(List.of(op), JarFunctions.WIDEN_IDX);
    take((int) op.idx);
    //   ^[abiguard:narrowing] field JarRunMap.idx (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  private void forEachOwn(List<JarRunMap> ops, Consumer<JarRunMap> action) {
    ops.forEach(action);
  }

  void ownMethodPassesItOnToAJar(JarRunMap op, long raw) {
    if (op.size > 0xFFFF) {
      return;
    }
    forEachOwn(List.of(op), new GrowSize(raw));
    take((int) op.size);
    //   ^[abiguard:narrowing] field JarRunMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}
