package corpus.sinks;

import org.abiguard.U16;
import org.abiguard.U32;

interface DomainPause {
  void pause(@U32 int domid);
}

interface Dom0Pause {
  void pause(@U16 int domid);
}

interface BatchPause {
  void pause(int[] domids);
}

class Pauser {
  static void pauseAll(@U16 int... domids) {}

  static Object[] wire() {
    Dom0Pause fits = Pauser::pauseAll;
    BatchPause array = Pauser::pauseAll;
    DomainPause wide = Pauser::pauseAll;
    //                 ^[abiguard:narrowing] parameter 'domid' of pause (u32) can reach varargs parameter 'domids' of pauseAll (u16) through method reference Pauser::pauseAll
    return new Object[] {fits, array, wide};
  }
}
