package corpus.sinks;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

/**
 * A C float member, and a u32 member through a float, converted to an integer, and a u16 member
 * multiplied by a float: facts are of integers, so each is a plain int, which passes in lenient
 * mode (strict mode reports them).
 */
@AbiStruct(name = "gauge")
class Gauge {
  @U32 long raw;
  @U16 int percent;
  float level;
  double total;
}

class Meters {
  static void show(@U16 int value) {}

  @SuppressWarnings("lossy-conversions") // javac 20+ warns of the compound assignment's conversion
  static void display(Gauge g) {
    show((int) g.level);
    float viaFloat = g.raw;
    show((int) viaFloat);
    show((int) (long) g.total);
    g.percent *= g.level;
  }
}
