package corpus.arithmetic;

import org.abiguard.U16;

class Ring {
  static void setFree(@U16 int free) {}

  static void consume(@U16 int free, @U16 int used) {
    setFree(free - used);
    //           ^[abiguard:sign] expression `free - used` can reach parameter 'free' of setFree (u16): negative values -0xFFFF..-0x1 would become huge u16 values
    setFree(Math.max(free - used, 0));
    if (used <= free) {
      setFree(free - used);
    }
    if (free >= used) {
      setFree(free - used);
    }
    if (used > free) {
      return;
    }
    setFree(free - used);
  }
}
