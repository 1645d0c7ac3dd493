package corpus.control;

import org.abiguard.U16;
import org.abiguard.U32;

class Deferred {
  static void addOne(@U16 int space) {}

  static Runnable[] later(@U32 int space) {
    Runnable anonymous = new Runnable() {
      @Override
      public void run() {
        addOne(space);
        //     ^[abiguard:narrowing] parameter 'space' of later (u32) can reach parameter 'space' of addOne (u16)
      }
    };
    class Local implements Runnable {
      @Override
      public void run() {
        addOne(space & 0xFFFF);
        addOne(space >>> 8);
        //           ^[abiguard:narrowing] expression `space >>> 8` can reach parameter 'space' of addOne (u16): values 0x10000..0xFFFFFF
      }
    }
    return new Runnable[] {anonymous, new Local()};
  }
}
