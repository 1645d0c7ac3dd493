package corpus.refinement;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// a call of the class's own method whose body runs a function keeps a check of a field that no
// lambda or method reference of the class writes; and one whose body calls a local that only holds
// its lambda runs that lambda alone, though another lambda of the class writes the field

// ALSO STRICT

@AbiStruct(name = "helper_kept_map")
class HelperKeptMap {
  @U32 public long size;
  @U32 public long idx;
}

class FunctionsRunByTheClassHelpersThatWriteOtherFields {
  static void take(@U16 int v) {}

  private final Consumer<HelperKeptMap> widening = this::widen;

  private void widen(HelperKeptMap op) {
    op.idx = 0x12345L;
  }

  private void runIt(HelperKeptMap op) {
    widening.accept(op);
  }

  private void passIt(HelperKeptMap op) {
    List.of(op).forEach(widening);
  }

  void keepsTheCheck(HelperKeptMap op) {
    if (op.size > 0xFFFF) {
      return;
    }
    runIt(op);
    passIt(op);
    take((int) op.size);
  }
}

class LocalLambdasRunByTheClassHelpers {
  static void take(@U16 int v) {}

  final BiConsumer<HelperKeptMap, Long> growing = (op, raw) -> op.size = raw & 0xFFFFFFFFL;

  private void runLocal(HelperKeptMap op) {
    BiConsumer<HelperKeptMap, Long> local = (o, raw) -> o.idx = raw & 0xFFFFFFFFL;
    local.accept(op, 0x12345L);
  }

  void keepsTheCheck(HelperKeptMap op) {
    if (op.size > 0xFFFF) {
      return;
    }
    runLocal(op);
    take((int) op.size);
  }
}
