package org.abiguard.importer.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NamingTest {
  @Test
  void typeNames() {
    assertEquals("XenMemoryReservation", Naming.typeName("xen_memory_reservation"));
    assertEquals("DomidT", Naming.typeName("domid_t"));
    assertEquals("GuestHandleX", Naming.typeName("__guest_handle_x"));
  }

  @Test
  void memberNames() {
    assertEquals("nrExtents", Naming.memberName("nr_extents"));
    assertEquals("pad0", Naming.memberName("_pad0"));
    assertEquals("default_", Naming.memberName("default"));
    assertEquals("in", Naming.memberName("in"));
  }
}
