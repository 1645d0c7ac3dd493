package corpus.floating;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

/**
 * A value of a width converted to float or double and back keeps its range: Java rounds it to
 * the floating-point type, then truncates and saturates it to the integer, and the guard follows
 * both. A float holds 24 bits, so a u32 can round up past its own width.
 */
@AbiStruct(name = "gauge")
class Gauge {
  @U32 long raw;
  @U16 int percent;
}

class Meters {
  static void show(@U16 int value) {}

  static void store(@U32 long value) {}

  static void display(Gauge g, int samples) {
    float viaFloat = g.raw;
    show((int) viaFloat);
    //   ^[abiguard:narrowing] field Gauge.raw (u32) can reach parameter 'value' of show (u16): values 0x10000..0x7FFFFFFF would be truncated
    show((int) (float) g.raw);
    //   ^[abiguard:narrowing] field Gauge.raw (u32) can reach parameter 'value' of show (u16): values 0x10000..0x7FFFFFFF would be truncated
    show((int) (g.raw * 0.5));
    //   ^[abiguard:narrowing] expression `g.raw * 0.5` can reach parameter 'value' of show (u16): values 0x10000..0x7FFFFFFF would be truncated
    store((long) (float) g.raw);
    //    ^[abiguard:narrowing] field Gauge.raw (u32) can reach parameter 'value' of store (u32): values 0x100000000 would be truncated
    store((long) (double) g.raw);
    show((int) Math.round(g.raw / 65536.0));
    //   ^[abiguard:narrowing] expression `g.raw / 65536.0` can reach parameter 'value' of show (u16): values 0x10000 would be truncated
    show((int) Math.floor(g.raw / 65536.0));
    double sum = 0;
    for (int i = 0; i < samples; i++) {
      sum += g.percent;
    }
    show((int) sum);
    //   ^[abiguard:narrowing] expression `sum + g.percent` can reach parameter 'value' of show (u16): values 0x10000..0x7FFFFFFF would be truncated
  }

  @SuppressWarnings("lossy-conversions") // javac 20+ warns of the compound assignments' conversion
  static void halve(Gauge g) {
    g.percent *= 0.5;
  }

  @SuppressWarnings("lossy-conversions")
  static void grow(Gauge g) {
    g.percent *= 1.5;
    //        ^[abiguard:narrowing] expression `g.percent * 1.5` can reach field Gauge.percent (u16): values 0x10000..0x17FFE would be truncated
  }
}
