package corpus.sources;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "helper_map")
class HelperMap {
  @U32 public long space;
  @U16 public int idx;
}

// a helper of the class (static, private or final, one returned expression) returns the value of
// its expression for what was passed: in lenient mode too, a field's width survives the call
final class HelperResults {
  private final HelperMap map = new HelperMap();

  static void addOne(@U16 int space) {}

  private static long spaceOf(HelperMap m) {
    return m.space;
  }

  private static int low16(long v) {
    return (int) (v & 0xFFFF);
  }

  private static int next(int v) {
    return v + 1;
  }

  private long mySpace() {
    return map.space;
  }

  static int result(HelperMap m) {
    addOne((int) spaceOf(m));
    //     ^[abiguard:narrowing] field HelperMap.space (u32) returned by spaceOf() can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    addOne(low16(m.space));
    addOne(low16(spaceOf(m)));
    return 0;
  }

  static int computed(HelperMap m) {
    addOne(next(m.idx));
    //         ^[abiguard:narrowing] expression `v + 1` returned by next() can reach parameter 'space' of addOne (u16): values 0x10000 would be truncated
    addOne(next(low16(m.space) >>> 1));
    return 0;
  }

  int receiver() {
    addOne((int) mySpace());
    //     ^[abiguard:narrowing] field HelperMap.space (u32) returned by mySpace() can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }

  // a helper may throw on what it does not handle
  private static long orThrow(HelperMap m) {
    return switch (m.idx) {
      case 0 -> m.space;
      case 1 -> 0xFFFF;
      default -> throw new IllegalArgumentException("idx");
    };
  }

  static int throwing(HelperMap m) {
    addOne((int) orThrow(m));
    //     ^[abiguard:narrowing] field HelperMap.space (u32) returned by orThrow() can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
    return 0;
  }
}
