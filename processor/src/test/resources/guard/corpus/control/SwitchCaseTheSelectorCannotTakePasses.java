package corpus.control;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U8;

@AbiStruct(name = "sized_write_op")
class SizedWriteOp {
  @U32 public long value;
  @U8 public int size;
}

// A case whose labels the selector's values never reach is never run: its sinks are not reached.
class SizedWrites {
  static void addOne(@U16 int v) {}

  static void addWide(@U32 long v) {}

  static void constantSize(SizedWriteOp op) {
    int size = 4;
    switch (size) {
      case 1, 2:
        addOne((int) op.value);
        break;
      default:
        addWide(op.value);
        break;
    }
  }

  static int checkedSize(SizedWriteOp op) {
    if (op.size < 4) {
      return -22;
    }
    return switch (op.size) {
      case 2 -> {
        addOne((int) op.value);
        yield 2;
      }
      case 3 -> 3;
      default -> {
        addWide(op.value);
        yield 0;
      }
    };
  }

  static void ruleCases(SizedWriteOp op) {
    switch (op.size & 3) {
      case 4 -> addOne((int) op.value);
      default -> addWide(op.value);
    }
  }
}
