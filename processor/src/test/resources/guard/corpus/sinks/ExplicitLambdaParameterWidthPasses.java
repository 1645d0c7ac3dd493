package corpus.sinks;

import java.util.function.IntUnaryOperator;
import org.abiguard.U16;

class Lambdas {
  static int addOne(@U16 int space) {
    return space;
  }

  static IntUnaryOperator op() {
    return (@U16 int s) -> addOne(s);
  }
}
