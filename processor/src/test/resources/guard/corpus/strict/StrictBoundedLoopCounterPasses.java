package corpus.strict;

// OPTIONS: -Aabiguard.mode=strict

import org.abiguard.U8;

class Vcpus {
  static void kick(@U8 int vcpu) {}

  static void kickAll() {
    for (int vcpu = 0; vcpu < 128; vcpu++) {
      kick(vcpu);
    }
  }
}
