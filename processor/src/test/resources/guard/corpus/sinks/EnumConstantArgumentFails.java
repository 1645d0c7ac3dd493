package corpus.sinks;

import org.abiguard.U16;

enum Hypercall {
  MEMORY_OP(12),
  EVENT_CHANNEL_OP(32),
  BOGUS(0x10000);
  //    ^[abiguard:narrowing] constant 0x10000 can reach parameter 'number' of constructor Hypercall (u16)

  final int number;

  Hypercall(@U16 int number) {
    this.number = number;
  }
}
