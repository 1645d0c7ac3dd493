package corpus.refinement;

import java.io.Serializable;
import java.util.Arrays;
import java.util.RandomAccess;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// a jar's code that may test the class of an object reached as an Object keeps a check of a field
// that no method of a jar interface its class implements writes: interfaces with no method
// (Serializable, RandomAccess), a method that overrides nothing, and a compareTo that writes
// another field

// ALSO STRICT

@AbiStruct(name = "jar_interface_kept_map")
class JarInterfaceKeptMap {
  @U32 public long size;
  @U32 public long idx;
}

/** Marker interfaces only: no jar's code can call its method. */
final class MarkedSizer implements Serializable, RandomAccess {
  private static final long serialVersionUID = 1L;
  private final transient JarInterfaceKeptMap op;

  MarkedSizer(JarInterfaceKeptMap op) {
    this.op = op;
  }

  int compareTo(Object other) {
    op.size = 0x12345L;
    return 0;
  }
}

/** A compareTo that writes another field than the one checked. */
final class IdxRanked implements Comparable<Object> {
  private final JarInterfaceKeptMap op;

  IdxRanked(JarInterfaceKeptMap op) {
    this.op = op;
  }

  @Override
  public int compareTo(Object other) {
    op.idx = 0x12345L;
    return 0;
  }
}

class ObjectsOfClassesThatImplementNoOtherJarInterface {
  static void take(@U16 int v) {}

  void sortingObjects(JarInterfaceKeptMap op, Object[] things) {
    if (op.size > 0xFFFF) {
      return;
    }
    Arrays.sort(things);
    String.valueOf(things[0]);
    take((int) op.size);
  }
}
