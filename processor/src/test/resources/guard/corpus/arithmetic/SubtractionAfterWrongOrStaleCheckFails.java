package corpus.arithmetic;

import org.abiguard.U16;

class Ring {
  static void setFree(@U16 int free) {}

  static void consume(@U16 int free, @U16 int used, @U16 int more) {
    if (free <= used) {
      setFree(free - used);
      //           ^[abiguard:sign] expression `free - used` can reach parameter 'free' of setFree (u16): negative values -0xFFFF..-0x1
    }
    if (used <= free) {
      used = more;
      setFree(free - used);
      //           ^[abiguard:sign] expression `free - used` can reach parameter 'free' of setFree (u16): negative values -0xFFFF..-0x1
    }
  }
}
