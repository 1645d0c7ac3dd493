package corpus.sources;

import org.abiguard.U16;
import org.abiguard.U32;

class Event {
  private final int port;

  Event(int port) {
    this.port = port;
  }

  @U32 int port() {
    return port;
  }
}

class EventChannel {
  static void notifyPort(@U16 int port) {}

  static void send(Event e) {
    notifyPort(e.port());
    //               ^[abiguard:narrowing] result of Event.port() (u32) can reach parameter 'port' of notifyPort (u16)
  }
}
