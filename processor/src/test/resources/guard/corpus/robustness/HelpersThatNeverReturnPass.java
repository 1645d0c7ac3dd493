package corpus.robustness;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

// helpers that cannot return, called inside expressions: no path goes on past the call, and the
// guard, which once failed inside on `ok &= never(x)` and `ok = never(x) || ...` (a boolean local
// written where nothing is reachable), reports nothing. (In strict mode the int one's result is
// any int, as every result a helper does not give a value: not pinned here.)

@AbiStruct(name = "never_returned_op")
class NeverReturnedOp {
  @U32 public long space;
  @U16 public int port;
}

final class NeverReturnedHolder {
  boolean flag;
  @U16 int port;
}

final class HelpersThatNeverReturn {
  static void addOne(@U16 int v) {}

  private static boolean never(long v) {
    throw new IllegalStateException("never " + v);
  }

  private static int neverInt(long v) {
    if (v >= 0) {
      throw new IllegalStateException();
    }
    throw new IllegalArgumentException();
  }

  static void compound(NeverReturnedOp op) {
    boolean ok = true;
    ok &= never(op.space);
    addOne((int) op.space);
  }

  static void declared(NeverReturnedOp op) {
    boolean ok = !never(op.space);
    addOne(ok ? 1 : 0);
  }

  static void assigned(NeverReturnedOp op) {
    boolean ok;
    ok = never(op.space) || op.space > 0xFFFF;
    addOne(ok ? 1 : 0);
  }

  static void intCompound(NeverReturnedOp op) {
    int n = 0;
    n += neverInt(op.space);
    addOne(n);
  }

  static void intDeclared(NeverReturnedOp op) {
    int n = neverInt(op.space) + (int) op.space;
    addOne(n & 0xFFFF);
  }

  static void field(NeverReturnedOp op, NeverReturnedHolder h) {
    h.flag = never(op.space);
    h.port = neverInt(op.space);
  }

  static void element(NeverReturnedOp op, boolean[] flags, int[] ports) {
    flags[0] = never(op.space);
    ports[0] = neverInt(op.space);
  }

  static boolean returned(NeverReturnedOp op) {
    return never(op.space) && op.space > 3;
  }

  static void ternary(NeverReturnedOp op) {
    boolean b = op.space > 3 ? never(op.space) : true;
    addOne(b ? 0 : 1);
  }

  static void argument(NeverReturnedOp op) {
    addOne(neverInt(op.space));
    addOne(never(op.space) ? 1 : 0);
  }

  static void condition(NeverReturnedOp op) {
    if (never(op.space)) {
      addOne((int) op.space);
    }
    while (!never(op.space)) {
      addOne((int) op.space);
    }
  }

  static void lambda(NeverReturnedOp op) {
    java.util.function.BooleanSupplier s = () -> never(op.space);
    java.util.function.IntSupplier i = () -> neverInt(op.space);
    addOne(s.getAsBoolean() ? i.getAsInt() & 0xFFFF : 0);
  }

  static int switched(NeverReturnedOp op) {
    return switch ((int) op.space & 3) {
      case 0 -> never(op.space) ? 1 : 2;
      case 1 -> neverInt(op.space);
      default -> 0;
    };
  }

  static void boxed(NeverReturnedOp op) {
    Object o = never(op.space);
    Integer n = neverInt(op.space);
    addOne(o.hashCode() & 0xFF);
    addOne(n & 0xFF);
  }

  static void loopUpdate(NeverReturnedOp op) {
    for (int i = 0; i < 3; i += neverInt(op.space)) {
      addOne(i);
    }
  }
}
