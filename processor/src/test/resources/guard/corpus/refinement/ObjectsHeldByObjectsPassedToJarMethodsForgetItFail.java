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

// a method from a jar or class file may reach, besides the objects handed to it, the objects they
// hold as their types say (a List<E>'s elements, an array's, a Map's values, the E of a class that
// extends ArrayList<E>; a wildcard's or type variable's bound; any object for a raw type), and call
// on each any method a jar type of it declares: String.valueOf(list) and list.toString() run each
// element's toString, Collections.sort(list) its compareTo; a call of one forgets the checks of the
// fields such an override writes, in another class or in the class analysed

// ALSO STRICT

@AbiStruct(name = "jar_held_map")
class JarHeldMap {
  @U32 public long size;
  @U32 public long idx;
}

/** A toString that writes a field: a list's toString calls it for each element. */
final class HeldSizeTracer {
  private final JarHeldMap op;

  HeldSizeTracer(JarHeldMap op) {
    this.op = op;
  }

  @Override
  public String toString() {
    op.size = 0x12345L;
    return "tracer";
  }
}

/** A compareTo that writes a field: Collections.sort calls it on the elements. */
final class HeldRank implements Comparable<HeldRank> {
  private final JarHeldMap op;

  HeldRank(JarHeldMap op) {
    this.op = op;
  }

  @Override
  public int compareTo(HeldRank other) {
    op.idx = 0x12345L;
    return 0;
  }
}

/** A list whose elements its type names only through the class it extends. */
final class HeldTracers extends ArrayList<HeldSizeTracer> {
  private static final long serialVersionUID = 1L;
}

class ObjectsHeldByObjectsPassedToJarMethods {
  static void take(@U16 int v) {}

  void elementsOfAnArgument(JarHeldMap op, List<HeldSizeTracer> tracers) {
    if (op.size > 0xFFFF) {
      return;
    }
    String.valueOf(tracers);
    take((int) op.size);
    //   ^[abiguard:narrowing] field JarHeldMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void elementsOfTheReceiver(JarHeldMap op, List<HeldSizeTracer> tracers) {
    if (op.size > 0xFFFF) {
      return;
    }
    tracers.toString();
    take((int) op.size);
    //   ^[abiguard:narrowing] field JarHeldMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void sortingRunsTheElementsCompareTo(JarHeldMap op) {
    List<HeldRank> ranks = new ArrayList<>(List.of(new HeldRank(op), new HeldRank(op)));
    if (op.idx > 0xFFFF) {
      return;
    }
    Collections.sort(ranks);
    take((int) op.idx);
    //   ^[abiguard:narrowing] field JarHeldMap.idx (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void elementsOfAnArray(JarHeldMap op, HeldSizeTracer[] tracers) {
    if (op.size > 0xFFFF) {
      return;
    }
    Arrays.toString(tracers);
    take((int) op.size);
    //   ^[abiguard:narrowing] field JarHeldMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void valuesOfAMap(JarHeldMap op, Map<String, HeldSizeTracer> byName) {
    if (op.size > 0xFFFF) {
      return;
    }
    String.valueOf(byName);
    take((int) op.size);
    //   ^[abiguard:narrowing] field JarHeldMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void elementsNamedByTheClassItExtends(JarHeldMap op, HeldTracers tracers) {
    if (op.size > 0xFFFF) {
      return;
    }
    String.valueOf(tracers);
    take((int) op.size);
    //   ^[abiguard:narrowing] field JarHeldMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void elementsOfAWildcard(JarHeldMap op, List<? extends HeldSizeTracer> tracers) {
    if (op.size > 0xFFFF) {
      return;
    }
    String.valueOf(tracers);
    take((int) op.size);
    //   ^[abiguard:narrowing] field JarHeldMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  <T extends HeldSizeTracer> void elementsOfATypeVariable(JarHeldMap op, List<T> tracers) {
    if (op.size > 0xFFFF) {
      return;
    }
    String.valueOf(tracers);
    take((int) op.size);
    //   ^[abiguard:narrowing] field JarHeldMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void nestedHolders(JarHeldMap op, Optional<List<HeldSizeTracer>> tracers) {
    if (op.size > 0xFFFF) {
      return;
    }
    tracers.toString();
    take((int) op.size);
    //   ^[abiguard:narrowing] field JarHeldMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  void aRawTypeHoldsAnyObject(JarHeldMap op, List tracers) {
    if (op.size > 0xFFFF) {
      return;
    }
    String.valueOf(tracers);
    take((int) op.size);
    //   ^[abiguard:narrowing] field JarHeldMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void aConcatenationRunsTheElementsToString(JarHeldMap op, List<HeldSizeTracer> tracers) {
    if (op.size > 0xFFFF) {
      return;
    }
    String.valueOf("tracers " + tracers);
    take((int) op.size);
    //   ^[abiguard:narrowing] field JarHeldMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  private static String describe(List<HeldSizeTracer> tracers) {
    return tracers.toString();
  }

  void anotherMethodOfTheClassPassesThem(JarHeldMap op, List<HeldSizeTracer> tracers) {
    if (op.size > 0xFFFF) {
      return;
    }
    describe(tracers);
    take((int) op.size);
    //   ^[abiguard:narrowing] field JarHeldMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}

/** Another class's method hands a list to a jar. */
final class HeldDescriber {
  static String describe(List<HeldSizeTracer> tracers) {
    return String.valueOf(tracers);
  }
}

/** The class analysed holds objects of its own member class, whose compareTo writes a field. */
class OwnHeldObjects {
  static void take(@U16 int v) {}

  final class Entry implements Comparable<Entry> {
    @Override
    public int compareTo(Entry other) {
      op.idx = 0x12345L;
      return 0;
    }
  }

  private final JarHeldMap op = new JarHeldMap();
  private final List<Entry> entries = new ArrayList<>();

  void anotherClassHandsTheListToAJar(JarHeldMap other, List<HeldSizeTracer> tracers) {
    if (other.size > 0xFFFF) {
      return;
    }
    HeldDescriber.describe(tracers);
    take((int) other.size);
    //   ^[abiguard:narrowing] field JarHeldMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void sortingItsOwnElements() {
    if (op.idx > 0xFFFF) {
      return;
    }
    Collections.sort(entries);
    take((int) op.idx);
    //   ^[abiguard:narrowing] field JarHeldMap.idx (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}
