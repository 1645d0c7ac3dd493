package corpus.strict;

// OPTIONS: -Aabiguard.mode=strict

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

/**
 * A C float member converted to an integer: a plain float can be any value, so the int made from
 * it is held to int's range; once checked, it is held to the check's. A u32 through a float keeps
 * its own range.
 */
@AbiStruct(name = "gauge")
class Gauge {
  @U32 long raw;
  @U16 int percent;
  float level;
}

class Meters {
  static void show(@U16 int value) {}

  static void display(Gauge g) {
    show((int) g.level);
    //   ^[abiguard:narrowing] (int) g.level (s32) can reach parameter 'value' of show (u16): values -0x80000000..-0x1 and 0x10000..0x7FFFFFFF would be truncated
    float viaFloat = g.raw;
    show((int) viaFloat);
    //   ^[abiguard:narrowing] field Gauge.raw (u32) can reach parameter 'value' of show (u16): values 0x10000..0x7FFFFFFF would be truncated
    if (g.level >= 0 && g.level <= 65535) {
      show((int) g.level);
    }
    show(Math.round(g.level) & 0xFFFF);
  }

  @SuppressWarnings("lossy-conversions") // javac 20+ says the same of the float's conversion
  static void scale(Gauge g, float by) {
    g.percent *= by;
    //        ^[abiguard:narrowing] expression `g.percent * by` can reach field Gauge.percent (u16): values -0x80000000..-0x1 and 0x10000..0x7FFFFFFF would be truncated
    g.percent += 1;
    //        ^[abiguard:narrowing] expression `g.percent + 1` can reach field Gauge.percent (u16): values 0x10000 would be truncated
  }
}
