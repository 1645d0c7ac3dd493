package corpus.sinks;

import org.abiguard.U16;
import org.abiguard.U32;

interface Hypervisor {
  void pause(@U16 int domid);

  default void pauseAll(@U32 int first) {
    pause(first);
    //    ^[abiguard:narrowing] parameter 'first' of pauseAll (u32) can reach parameter 'domid' of pause (u16)
  }

  final class Console {
    static void write(@U16 int len) {}

    static void flush(@U32 int pending) {
      write(pending);
      //    ^[abiguard:narrowing] parameter 'pending' of flush (u32) can reach parameter 'len' of write (u16)
    }
  }
}
