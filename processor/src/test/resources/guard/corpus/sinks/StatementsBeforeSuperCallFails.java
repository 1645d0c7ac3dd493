// JAVA: 25
package corpus.sinks;

import org.abiguard.U16;
import org.abiguard.U32;

class EventPort {
  EventPort(@U16 int port) {}
}

class CheckedEventPort extends EventPort {
  CheckedEventPort(@U32 long remote) {
    if (remote > 0xFFFF) {
      throw new IllegalArgumentException("remote port " + remote);
    }
    super((int) remote);
  }

  CheckedEventPort(@U32 long remote, boolean unchecked) {
    long port = remote;
    super((int) port);
    //    ^[abiguard:narrowing] parameter 'remote' of constructor CheckedEventPort (u32) can reach parameter 'port' of constructor EventPort (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}
