package corpus.sinks;

import org.abiguard.Abi;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "evtchn_status")
record EvtchnStatus(@U16 int dom, @U32 int port) {
  EvtchnStatus {
    if (port < 0) {
      throw new IllegalArgumentException("port");
    }
  }

  static EvtchnStatus of(@U32 long dom, @U32 int port) {
    return new EvtchnStatus(Abi.checkU16(dom), port);
  }
}
