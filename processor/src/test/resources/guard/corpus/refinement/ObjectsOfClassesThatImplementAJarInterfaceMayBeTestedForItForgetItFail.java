package corpus.refinement;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// a jar's code may test the class of an object it is handed or reaches (instanceof Comparable) and
// call a method of a jar interface its class implements that its static type is not: Arrays.sort of
// an Object[] and a TreeMap<Object, V>'s put run compareTo; a call of one forgets the checks of the
// fields such an implementation writes, in another class or in the class analysed

// ALSO STRICT

@AbiStruct(name = "jar_interface_map")
class JarInterfaceMap {
  @U32 public long size;
  @U32 public long idx;
}

/** A compareTo that writes a field, of a class its callers hold as an Object. */
final class SizeRanked implements Comparable<Object> {
  private final JarInterfaceMap op;

  SizeRanked(JarInterfaceMap op) {
    this.op = op;
  }

  @Override
  public int compareTo(Object other) {
    op.size = 0x12345L;
    return 0;
  }
}

class ObjectsOfClassesThatImplementAJarInterface {
  static void take(@U16 int v) {}

  void sortingObjects(JarInterfaceMap op, Object[] things) {
    if (op.size > 0xFFFF) {
      return;
    }
    Arrays.sort(things);
    take((int) op.size);
    //   ^[abiguard:narrowing] field JarInterfaceMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void keysOfASortedMap(JarInterfaceMap op, Object key) {
    Map<Object, String> sorted = new TreeMap<>();
    if (op.size > 0xFFFF) {
      return;
    }
    sorted.put(key, "value");
    take((int) op.size);
    //   ^[abiguard:narrowing] field JarInterfaceMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}

/** The class analysed's own member class implements the interface. */
class OwnRankedObjects {
  static void take(@U16 int v) {}

  private final JarInterfaceMap op = new JarInterfaceMap();

  final class Ranked implements Comparable<Object> {
    @Override
    public int compareTo(Object other) {
      op.idx = 0x12345L;
      return 0;
    }
  }

  void sortingObjects(Object[] things) {
    if (op.idx > 0xFFFF) {
      return;
    }
    Arrays.sort(things);
    take((int) op.idx);
    //   ^[abiguard:narrowing] field JarInterfaceMap.idx (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}
