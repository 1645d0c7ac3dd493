package corpus.floating;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

/**
 * A quotient that may be 0.0 / 0.0 may be NaN, which fails {@code r >= 0} although no number
 * does: the code after the check is reached, and its conversions are checked.
 */
@AbiStruct(name = "gauge")
class Gauge {
  @U32 long raw;
  @U16 int percent;
}

class Meters {
  static void show(@U16 int value) {}

  static void display(Gauge g) {
    double r = Math.abs(g.percent / (double) g.percent);
    if (r >= 0) {
      return;
    }
    show((int) g.raw);
    //   ^[abiguard:narrowing] field Gauge.raw (u32) can reach parameter 'value' of show (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}
