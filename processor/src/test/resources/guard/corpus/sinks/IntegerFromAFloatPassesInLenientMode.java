package corpus.sinks;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

/**
 * A C float member, and a u32 member through a float, converted to an integer: facts are of
 * integers, so each is a plain int, which passes in lenient mode (strict mode reports them).
 */
@AbiStruct(name = "gauge")
class Gauge {
  @U32 long raw;
  float level;
  double total;
}

class Meters {
  static void show(@U16 int value) {}

  static void display(Gauge g) {
    show((int) g.level);
    float viaFloat = g.raw;
    show((int) viaFloat);
    show((int) (long) g.total);
  }
}
