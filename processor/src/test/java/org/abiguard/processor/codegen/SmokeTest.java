package org.abiguard.processor.codegen;

import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void prints() {
    GeneratedMarshallers g = GeneratedMarshallers.compile(Xen.addToPhysmap(), Xen.memoryReservation());
    System.out.println(g.source(Xen.addToPhysmap()));
    System.out.println(g.source(Xen.memoryReservation()));
  }
}
