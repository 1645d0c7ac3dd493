package corpus.refinement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// a method from a jar or class file keeps a check of a field that nothing the objects handed to it
// hold writes: the elements' overrides write another field, the elements are of final classes from
// a jar (String, Long, Integer), their class overrides no method a jar declares, a Class<T>
// holds no T, and Object's final methods (getClass()) run no method of the object

// ALSO STRICT

@AbiStruct(name = "jar_kept_held_map")
class JarKeptHeldMap {
  @U32 public long size;
  @U32 public long idx;
}

/** A toString and a compareTo that write another field than the one checked. */
final class HeldIdxTracer implements Comparable<HeldIdxTracer> {
  private final JarKeptHeldMap op;

  HeldIdxTracer(JarKeptHeldMap op) {
    this.op = op;
  }

  @Override
  public String toString() {
    op.idx = 0x12345L;
    return "tracer";
  }

  @Override
  public int compareTo(HeldIdxTracer other) {
    op.idx = 0x12345L;
    return 0;
  }
}

/** A class that overrides no method a jar declares. */
final class QuietHeld {
  private final JarKeptHeldMap op;

  QuietHeld(JarKeptHeldMap op) {
    this.op = op;
  }

  void widen() {
    op.size = 0x12345L;
  }
}

/** A class whose toString writes the field checked: only its Class object is handed. */
final class HeldSizeWriter {
  private final JarKeptHeldMap op;

  HeldSizeWriter(JarKeptHeldMap op) {
    this.op = op;
  }

  @Override
  public String toString() {
    op.size = 0x12345L;
    return "writer";
  }
}

class ObjectsHeldByObjectsPassedToJarMethodsThatWriteOtherFields {
  static void take(@U16 int v) {}

  void elementsWriteAnotherField(JarKeptHeldMap op, List<HeldIdxTracer> tracers) {
    if (op.size > 0xFFFF) {
      return;
    }
    String.valueOf(tracers);
    Collections.sort(tracers);
    tracers.toString();
    String.valueOf("tracers " + tracers);
    take((int) op.size);
  }

  void elementsOfFinalJarClasses(
      JarKeptHeldMap op, List<String> names, Map<String, Long> sizes, Integer[] counts) {
    if (op.size > 0xFFFF) {
      return;
    }
    String.valueOf(names);
    Collections.sort(names);
    sizes.toString();
    Arrays.toString(counts);
    Optional.of("name").toString();
    take((int) op.size);
  }

  void elementsThatOverrideNoJarMethod(JarKeptHeldMap op, List<QuietHeld> quiet) {
    if (op.size > 0xFFFF) {
      return;
    }
    String.valueOf(quiet);
    new ArrayList<>(quiet).toString();
    take((int) op.size);
  }

  void aClassObjectHoldsNoInstance(JarKeptHeldMap op) {
    if (op.size > 0xFFFF) {
      return;
    }
    String.valueOf(HeldSizeWriter.class);
    HeldSizeWriter.class.getName();
    take((int) op.size);
  }

  void objectsFinalMethodsRunNoneOfItsMethods(JarKeptHeldMap op, List<HeldSizeWriter> writers) {
    HeldSizeWriter writer = new HeldSizeWriter(op);
    if (op.size > 0xFFFF) {
      return;
    }
    writer.getClass();
    writers.getClass();
    take((int) op.size);
  }
}
