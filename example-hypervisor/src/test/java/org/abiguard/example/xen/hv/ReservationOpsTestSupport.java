package org.abiguard.example.xen.hv;

import org.abiguard.example.xen.pub.DomIds;
import org.abiguard.example.xen.pub.XenMem;
import org.abiguard.example.xen.pub.XenMemoryReservation;
import org.abiguard.example.xen.pub.XenMemoryReservationMarshaller;

/** Reservation calls other tests need as a step. */
final class ReservationOpsTestSupport {
  private ReservationOpsTestSupport() {}

  /** The guest gives up its frames at {@code gfns}; returns the extents done. */
  static long decrease(Guest g, long... gfns) {
    return reservation(g, XenMem.DECREASE_RESERVATION, gfns);
  }

  /** The guest populates {@code gfns}; returns the extents done. */
  static long populate(Guest g, long... gfns) {
    return reservation(g, XenMem.POPULATE_PHYSMAP, gfns);
  }

  private static long reservation(Guest g, int cmd, long... gfns) {
    XenMemoryReservation r = new XenMemoryReservation();
    r.domid = DomIds.DOMID_SELF;
    r.extentStart = g.ulongs(Guest.ARRAY, gfns);
    r.nrExtents = gfns.length;
    g.put(XenMemoryReservationMarshaller.codec(g.abi()), r, Guest.ARG);
    return g.call(cmd, Guest.ARG);
  }
}
