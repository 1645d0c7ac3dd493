package corpus.refinement;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// an object creation keeps a check of a field that no instance initializer its constructor runs
// writes: the initializers write the new object's own fields, or another field

// ALSO STRICT

@AbiStruct(name = "init_kept_map")
class InitKeptMap {
  @U32 public long size;
  @U32 public long idx;
}

final class InitKeptShared {
  private InitKeptShared() {}

  static final InitKeptMap OP = new InitKeptMap();

  static long growIdx() {
    OP.idx = 0x12345L;
    return 0;
  }
}

/** Initializers that write the new object's own fields, and another field of the shared map. */
class OwnFieldsInitialized {
  long size = 0x12345L;
  private final long grown = InitKeptShared.growIdx();

  {
    size = 0x23456L;
    this.size++;
  }

  long grown() {
    return grown;
  }
}

final class OwnFieldsInitializedToo extends OwnFieldsInitialized {
  private final int tag;

  OwnFieldsInitializedToo(int tag) {
    this.tag = tag;
  }

  int tag() {
    return tag;
  }
}

class ConstructorsWhoseInitializersWriteOtherFields {
  static void take(@U16 int v) {}

  long size = 0x12345L;

  {
    size = InitKeptShared.growIdx();
  }

  void anotherClass() {
    if (InitKeptShared.OP.size > 0xFFFF) {
      return;
    }
    new OwnFieldsInitialized();
    new OwnFieldsInitializedToo(2);
    take((int) InitKeptShared.OP.size);
  }

  void theClassAnalysed() {
    if (InitKeptShared.OP.size > 0xFFFF) {
      return;
    }
    new ConstructorsWhoseInitializersWriteOtherFields();
    take((int) InitKeptShared.OP.size);
  }
}
