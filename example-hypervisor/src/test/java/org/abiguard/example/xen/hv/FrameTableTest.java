package org.abiguard.example.xen.hv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Allocation, ownership and release of machine frames. */
class FrameTableTest {
  @Test
  void extentsAreAlignedAndCountedAgainstTheReservation() {
    Hypervisor xen = new Hypervisor(64, 0);
    Domain d = xen.createDomain(1, false, GuestAbi.X86_64, 21);
    FrameTable frames = xen.frames();
    assertEquals(0, frames.allocate(d, 0, Long.MAX_VALUE));
    assertEquals(4, frames.allocate(d, 2, Long.MAX_VALUE), "order 2 skips to the next aligned run");
    assertEquals(16, frames.allocate(d, 4, Long.MAX_VALUE));
    assertEquals(21, d.totPages(), "1 + 4 + 16");
    assertEquals(-1, frames.allocate(d, 0, Long.MAX_VALUE), "the reservation is used up");
    assertEquals(1, frames.owner(19));
    assertEquals(-1, frames.owner(1));
  }

  @Test
  void theReservationAndTheAddressLimitAreHonoured() {
    Hypervisor xen = new Hypervisor(64, 0);
    Domain d = xen.createDomain(1, false, GuestAbi.X86_64, 3);
    FrameTable frames = xen.frames();
    assertEquals(-1, frames.allocate(d, 2, Long.MAX_VALUE), "4 frames exceed a reservation of 3");
    assertEquals(0, frames.allocate(d, 1, 2));
    assertEquals(-1, frames.allocate(d, 0, 2), "below frame 2 nothing is free");
    assertEquals(2, d.totPages());
  }

  @Test
  void aReleasedFrameStaysOwnedWhileForeignMapped() {
    Hypervisor xen = new Hypervisor(8, 0);
    Domain d = xen.createDomain(1, false, GuestAbi.X86_64, 8);
    FrameTable frames = xen.frames();
    long mfn = frames.allocate(d, 0, Long.MAX_VALUE);
    frames.page(mfn)[0] = 42;
    frames.getForeignRef(mfn);
    frames.release(mfn);
    assertEquals(1, frames.owner(mfn));
    assertEquals(1, d.totPages());
    frames.putForeignRef(mfn);
    assertEquals(-1, frames.owner(mfn));
    assertEquals(0, d.totPages());
    assertEquals(0, frames.page(mfn)[0], "scrubbed");
    assertEquals(8, frames.freeFrames());
  }

  @Test
  void badMachinesAndDomainsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Hypervisor(0, 0));
    assertThrows(IllegalArgumentException.class, () -> new Hypervisor(8, -1));
    Hypervisor xen = new Hypervisor(8, 0);
    xen.createDomain(1, false, GuestAbi.X86_64, 8);
    assertThrows(
        IllegalArgumentException.class, () -> xen.createDomain(1, false, GuestAbi.X86_64, 8));
    assertThrows(
        IllegalArgumentException.class, () -> xen.createDomain(0x7FF0, false, GuestAbi.X86_64, 8));
    Domain d = xen.domains().byId(1).orElseThrow();
    assertThrows(IllegalStateException.class, () -> xen.populate(d, 0, 9));
    assertEquals(0, d.totPages(), "a failed populate gives everything back");
  }
}
