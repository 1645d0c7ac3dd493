package corpus.refinement;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// a constructor runs its class's instance field initializers and instance initializer blocks
// before its body (unless it begins with this(...)), and a constructor that calls no other runs
// its superclass's first, through the super() javac adds: an object creation forgets the checks
// of the fields that code writes, for a class read again from its source and for the class
// analysed, a default constructor included

// ALSO STRICT

@AbiStruct(name = "init_run_map")
class InitRunMap {
  @U32 public long size;
  @U32 public long idx;
}

final class InitShared {
  private InitShared() {}

  static final InitRunMap OP = new InitRunMap();

  static long growSize() {
    OP.size = 0x12345L;
    return 0;
  }
}

/** A field initializer that writes a field: the default constructor runs it. */
final class SizeGrowingField {
  private final long grown = InitShared.growSize();

  long grown() {
    return grown;
  }
}

/** An initializer block that writes a field, run by a constructor with a body. */
final class IdxGrowingBlock {
  private final int tag;

  {
    InitShared.OP.idx = 0x12345L;
  }

  IdxGrowingBlock(int tag) {
    this.tag = tag;
  }

  int tag() {
    return tag;
  }
}

/** A superclass whose initializer block writes a field. */
class IdxGrowingBase {
  {
    InitShared.OP.idx = 0x12345L;
  }
}

/** Its subclass: its constructor calls no other, so runs the superclass's first. */
final class IdxGrowingDerived extends IdxGrowingBase {
  private final int tag;

  IdxGrowingDerived(int tag) {
    this.tag = tag;
  }

  int tag() {
    return tag;
  }
}

class ConstructorsRunInstanceInitializers {
  static void take(@U16 int v) {}

  private final long counted = InitShared.growSize();

  {
    InitShared.OP.idx = 0x12345L;
  }

  ConstructorsRunInstanceInitializers() {}

  ConstructorsRunInstanceInitializers(int unused) {
    this();
  }

  long counted() {
    return counted;
  }

  void fieldInitializerOfAnotherClass() {
    if (InitShared.OP.size > 0xFFFF) {
      return;
    }
    new SizeGrowingField();
    take((int) InitShared.OP.size);
    //   ^[abiguard:narrowing] field InitRunMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void initializerBlockOfAnotherClass() {
    if (InitShared.OP.idx > 0xFFFF) {
      return;
    }
    new IdxGrowingBlock(3);
    take((int) InitShared.OP.idx);
    //   ^[abiguard:narrowing] field InitRunMap.idx (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void superclassInitializerOfAnotherClass() {
    if (InitShared.OP.idx > 0xFFFF) {
      return;
    }
    new IdxGrowingDerived(3);
    take((int) InitShared.OP.idx);
    //   ^[abiguard:narrowing] field InitRunMap.idx (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void ownFieldInitializer() {
    if (InitShared.OP.size > 0xFFFF) {
      return;
    }
    new ConstructorsRunInstanceInitializers();
    take((int) InitShared.OP.size);
    //   ^[abiguard:narrowing] field InitRunMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void ownInitializerBlockThroughThis() {
    if (InitShared.OP.idx > 0xFFFF) {
      return;
    }
    new ConstructorsRunInstanceInitializers(1);
    take((int) InitShared.OP.idx);
    //   ^[abiguard:narrowing] field InitRunMap.idx (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}

/** The class analysed extends one whose initializer writes a field, which its super() runs. */
class SubclassOfAnInitializingBase extends IdxGrowingBase {
  static void take(@U16 int v) {}

  SubclassOfAnInitializingBase(int unused) {}

  void implicitSuperOfTheClassAnalysed() {
    if (InitShared.OP.idx > 0xFFFF) {
      return;
    }
    new SubclassOfAnInitializingBase(1);
    take((int) InitShared.OP.idx);
    //   ^[abiguard:narrowing] field InitRunMap.idx (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}
