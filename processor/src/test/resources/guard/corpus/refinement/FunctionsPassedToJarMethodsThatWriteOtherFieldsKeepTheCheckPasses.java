package corpus.refinement;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// a method from a jar or class file keeps a check of a field that no function object passed to it
// may write: every function of the interface passed writes another field, the object passed is no
// function a jar knows (an interface of the compilation, which a jar cannot call), a local that
// only ever holds its lambda, and an argument that is no function at all

// ALSO STRICT

@AbiStruct(name = "jar_kept_map")
class JarKeptMap {
  @U32 public long size;
  @U32 public long idx;
}

@FunctionalInterface
interface KeptStep {
  void step(JarKeptMap op, long raw);
}

final class KeptJarFunctions {
  private KeptJarFunctions() {}

  static final Consumer<JarKeptMap> WIDEN_IDX = op -> op.idx = 0x12345L;

  static final KeptStep GROW = (op, raw) -> op.size = raw & 0xFFFFFFFFL;
}

class FunctionsPassedToJarMethodsThatWriteOtherFields {
  static void take(@U16 int v) {}

  void everyFunctionWritesAnotherField(Consumer<JarKeptMap> action, JarKeptMap op) {
    if (op.size > 0xFFFF) {
      return;
    }
    List.of(op).forEach(action);
    take((int) op.size);
  }

  void anInterfaceNoJarKnows(KeptStep step, JarKeptMap op) {
    if (op.size > 0xFFFF) {
      return;
    }
    Objects.requireNonNull(step, "step");
    take((int) op.size);
  }

  void localThatHoldsOnlyItsLambda(JarKeptMap op) {
    Consumer<JarKeptMap> widen = o -> o.idx = 0x10L;
    if (op.size > 0xFFFF) {
      return;
    }
    List.of(op).forEach(widen);
    take((int) op.size);
  }

  void noFunctionPassed(JarKeptMap op) {
    if (op.size > 0xFFFF) {
      return;
    }
    String.valueOf(op.idx);
    take((int) op.size);
  }
}
