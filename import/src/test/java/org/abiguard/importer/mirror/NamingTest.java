package org.abiguard.importer.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NamingTest {
  @Test
  void typeNames() {
    assertEquals("XenMemoryReservation", Naming.typeName("xen_memory_reservation"));
    assertEquals("DomidT", Naming.typeName("domid_t"));
    assertEquals("GuestHandleX", Naming.typeName("__guest_handle_x"));
    assertEquals("RingIdx", Naming.typeName("RING_IDX"));
    assertEquals("XenDomctlGetpageframeinfo3", Naming.typeName("xen_domctl_getpageframeinfo3"));
  }

  @Test
  void memberNames() {
    assertEquals("nrExtents", Naming.memberName("nr_extents"));
    assertEquals("pad0", Naming.memberName("_pad0"));
    assertEquals("default_", Naming.memberName("default"));
    assertEquals("in", Naming.memberName("in"));
    assertEquals("maxPfn", Naming.memberName("max_PFN"));
    assertEquals("cr3", Naming.memberName("CR3"));
    assertEquals("ioApic", Naming.memberName("io_APIC"));
  }
}
