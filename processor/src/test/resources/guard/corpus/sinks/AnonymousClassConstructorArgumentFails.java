package corpus.sinks;

import org.abiguard.U16;
import org.abiguard.U32;

abstract class Channel {
  Channel(@U16 int port) {}

  abstract void fire();
}

class Channels {
  static Channel open(@U32 int port) {
    return new Channel(port) {
      //               ^[abiguard:narrowing] parameter 'port' of open (u32) can reach parameter 'port' of constructor Channel (u16)
      @Override
      void fire() {}
    };
  }
}
