package corpus.sinks;

import org.abiguard.U16;
import org.abiguard.U8;

class Limits {
  @U8 static int maxVcpus = 0x100;
  //                        ^[abiguard:narrowing] constant 0x100 can reach field Limits.maxVcpus (u8)
  @U16 static int maxDomains = 0x7FF0;

  static void configure(@U16 int vcpus) {
    maxVcpus = vcpus;
    //         ^[abiguard:narrowing] parameter 'vcpus' of configure (u16) can reach field Limits.maxVcpus (u8)
  }
}
