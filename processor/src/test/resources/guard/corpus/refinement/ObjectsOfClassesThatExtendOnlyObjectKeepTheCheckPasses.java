package corpus.refinement;

import java.util.AbstractList;
import java.util.List;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// an object reached as an Object keeps a check of a field that no code its class inherits from a
// jar can reach: classes that extend only Object, an enum or a record, whose methods that write it
// override no jar method, and a class that extends a jar's class whose overrides write another
// field

// ALSO STRICT

@AbiStruct(name = "jar_class_kept_map")
class JarClassKeptMap {
  @U32 public long size;
  @U32 public long idx;
}

/** A size() that overrides nothing: no jar's code can call it. */
final class PlainSizer {
  private final JarClassKeptMap op;

  PlainSizer(JarClassKeptMap op) {
    this.op = op;
  }

  int size() {
    op.size = 0x12345L;
    return 1;
  }
}

/** An enum and a record with methods that write the field and override nothing. */
enum SizeMode {
  GROW;

  void apply(JarClassKeptMap op) {
    op.size = 0x12345L;
  }
}

record SizeNote(JarClassKeptMap op) {
  void apply() {
    op.size = 0x12345L;
  }
}

/** A list whose size() writes another field than the one checked. */
final class OtherFieldCountingList extends AbstractList<JarClassKeptMap> {
  private final JarClassKeptMap op;

  OtherFieldCountingList(JarClassKeptMap op) {
    this.op = op;
  }

  @Override
  public JarClassKeptMap get(int index) {
    return op;
  }

  @Override
  public int size() {
    op.idx = 0x12345L;
    return 1;
  }
}

class ObjectsOfClassesThatExtendOnlyObject {
  static void take(@U16 int v) {}

  void reachedAsObjects(JarClassKeptMap op, Object thing, List<Object> things) {
    if (op.size > 0xFFFF) {
      return;
    }
    String.valueOf(thing);
    String.valueOf((Object) new PlainSizer(op));
    String.valueOf((Object) SizeMode.GROW);
    String.valueOf((Object) new SizeNote(op));
    String.valueOf((Object) new OtherFieldCountingList(op));
    things.toString();
    String.valueOf("thing " + thing);
    take((int) op.size);
  }
}
