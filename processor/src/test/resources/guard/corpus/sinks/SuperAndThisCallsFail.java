package corpus.sinks;

import org.abiguard.U16;
import org.abiguard.U32;

class Channel {
  Channel(@U16 int port, @U16 int remote) {}
}

class InterdomainChannel extends Channel {
  InterdomainChannel(@U32 int port) {
    super(port, 0);
    //    ^[abiguard:narrowing] parameter 'port' of constructor InterdomainChannel (u32) can reach parameter 'port' of constructor Channel (u16)
  }

  InterdomainChannel(@U32 int port, boolean unused) {
    this(port + 1);
  }
}
