package corpus.strict;

// OPTIONS: -Aabiguard.mode=strict

import org.abiguard.U8;

class Vcpus {
  static void kick(@U8 int vcpu) {}

  static void kickAll(int count) {
    for (int vcpu = 0; vcpu < count; vcpu++) {
      kick(vcpu);
      //   ^[abiguard:narrowing] expression `vcpu + 1` can reach parameter 'vcpu' of kick (u8): values 0x100..0x7FFFFFFE would be truncated
    }
  }
}
