package corpus.sign;

import org.abiguard.S16;
import org.abiguard.S32;

class Scheduler {
  static void setWeight(@S16 int weight) {}

  static void adjust(@S32 int weight) {
    setWeight(weight);
    //        ^[abiguard:narrowing] parameter 'weight' of adjust (s32) can reach parameter 'weight' of setWeight (s16): values -0x80000000..-0x8001 and 0x8000..0x7FFFFFFF would be truncated
  }
}
