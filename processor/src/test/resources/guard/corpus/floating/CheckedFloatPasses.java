package corpus.floating;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

/**
 * A check of a float or double proves the range of the integer made from it: the bound of a
 * strict comparison is the next value down ({@code d >= 65536.0} leaves {@code d <= 65535.99...},
 * which truncates to 0xFFFF), a float compared with a double keeps the floats within the doubles
 * left, a NaN, which fails every ordered comparison, becomes 0, and an integer compared with a
 * double is narrowed to the integers the comparison leaves.
 */
@AbiStruct(name = "gauge")
class Gauge {
  @U32 long raw;
  @U16 int percent;
}

class Meters {
  static void show(@U16 int value) {}

  static int display(Gauge g) {
    double d = g.raw;
    if (d > 0xFFFF) {
      return -22;
    }
    show((int) d);
    double e = g.raw / 3.0;
    if (e >= 65536.0) {
      return -22;
    }
    show((int) e);
    float f = g.raw;
    if (f < 0 || f > 65535.0) {
      return -22;
    }
    show((int) f);
    show((int) Math.min(g.raw * 0.25, 65535.0));
    double nanOrMore = Math.abs(g.raw / (double) g.percent);
    if (nanOrMore > 65535) {
      return -22;
    }
    show((int) nanOrMore);
    if (g.percent == 0) {
      return -22;
    }
    double ratio = g.raw / (double) g.percent;
    if (ratio > 65535) {
      return -22;
    }
    show((int) ratio);
    long raw = g.raw;
    if (raw > 65535.5) {
      return -22;
    }
    show((int) raw);
    return 0;
  }
}
