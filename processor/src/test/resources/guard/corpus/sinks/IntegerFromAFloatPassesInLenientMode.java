package corpus.sinks;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

/**
 * A C float or double member converted to an integer, and a u16 member multiplied by a float
 * member: the floats are plain values, not known to the guard, so each result is a plain int,
 * which passes in lenient mode (strict mode reports them). A value of a width that passes through a
 * float keeps its range (folder {@code floating}).
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
    show((int) (long) g.total);
    g.percent *= g.level;
  }
}
