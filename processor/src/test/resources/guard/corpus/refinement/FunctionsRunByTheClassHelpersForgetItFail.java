package corpus.refinement;

import java.util.List;
import java.util.function.Consumer;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// a call of the class's own method whose body runs a function (calls a functional interface's
// method, or passes a function to a jar's method) may run a method reference of the class, and
// forgets the checks of the fields the method it names writes

// ALSO STRICT

@AbiStruct(name = "helper_run_map")
class HelperRunMap {
  @U32 public long size;
  @U32 public long idx;
}

class FunctionsRunByTheClassHelpers {
  static void take(@U16 int v) {}

  private final Consumer<HelperRunMap> growing = this::grow;

  private void grow(HelperRunMap op) {
    op.size = 0x12345L;
  }

  private void runIt(HelperRunMap op) {
    growing.accept(op);
  }

  private void passIt(HelperRunMap op) {
    List.of(op).forEach(growing);
  }

  void helperCallsTheFunction(HelperRunMap op) {
    if (op.size > 0xFFFF) {
      return;
    }
    runIt(op);
    take((int) op.size);
    //   ^[abiguard:narrowing] field HelperRunMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  void helperPassesItToAJar(HelperRunMap op) {
    if (op.size > 0xFFFF) {
      return;
    }
    passIt(op);
    take((int) op.size);
    //   ^[abiguard:narrowing] field HelperRunMap.size (u32) can reach parameter 'v' of take (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}
