package org.abiguard.example.xen.hv;

import org.abiguard.example.xen.pub.XenMem;
import org.abiguard.example.xen.pub.XenMemoryReservation;
import org.abiguard.example.xen.pub.XenMemoryReservationMarshaller;

/**
 * {@code XENMEM_increase_reservation}, {@code XENMEM_decrease_reservation} and {@code
 * XENMEM_populate_physmap} ({@code common/memory.c}).
 *
 * <p>As in Xen these return the number of extents done, not an errno: a request the hypervisor
 * refuses outright (unreadable argument, unknown domain, no permission, bad order or flags) does
 * nothing and returns the extent it was asked to start from. A long request is preempted between
 * extents; its continuation carries the progress in {@code cmd}'s upper bits.
 */
final class ReservationOps {
  /** {@code UINT_MAX >> MEMOP_EXTENT_SHIFT}: larger counts cannot be encoded in a continuation. */
  private static final long MAX_EXTENTS = 0xFFFF_FFFFL >>> XenMem.MEMOP_EXTENT_SHIFT;

  /** Largest extent order for an unprivileged caller ({@code CONFIG_DOMU_MAX_ORDER}). */
  static final int DOMU_MAX_ORDER = 9;

  /** Largest extent order for a privileged caller ({@code CONFIG_CTLDOM_MAX_ORDER}). */
  static final int CTLDOM_MAX_ORDER = 12;

  private final Domains domains;
  private final FrameTable frames;
  private final Physmap physmap;

  ReservationOps(Domains domains, FrameTable frames, Physmap physmap) {
    this.domains = domains;
    this.frames = frames;
    this.physmap = physmap;
  }

  /** The arguments of one reservation request ({@code struct memop_args}). */
  private static final class MemopArgs {
    Domain domain;
    long extentList;
    long nrExtents;
    int extentOrder;
    long frameLimit;
    long nrDone;
    boolean preempted;
  }

  long reservationOp(Hypercall call, int op, long startExtent, long arg) {
    XenMemoryReservation reservation =
        call.copyFromGuest(XenMemoryReservationMarshaller.codec(call.abi().id()), arg);
    if (reservation == null) {
      return startExtent;
    }
    if (Long.compareUnsigned(reservation.nrExtents, MAX_EXTENTS) > 0
        || Long.compareUnsigned(startExtent, reservation.nrExtents) >= 0) {
      return startExtent;
    }
    Domain d = domains.byAnyId(call.caller(), reservation.domid).orElse(null);
    if (d == null) {
      return startExtent;
    }
    MemopArgs args = constructMemop(reservation, d, call.caller());
    if (args == null || Xsm.target(call.caller(), d) != 0) {
      return startExtent;
    }
    args.nrDone = startExtent;
    switch (op) {
      case XenMem.INCREASE_RESERVATION -> increaseReservation(call, args);
      case XenMem.DECREASE_RESERVATION -> decreaseReservation(call, args);
      default -> populatePhysmap(call, args);
    }
    if (args.preempted) {
      return call.createContinuation(op | args.nrDone << XenMem.MEMOP_EXTENT_SHIFT);
    }
    return args.nrDone;
  }

  /**
   * {@code construct_memop_from_reservation}: checks the order and the flags. The model has no NUMA
   * nodes and no populate-on-demand, so flag bits other than the address width are requests it
   * cannot honour, refused like an invalid node.
   *
   * @return the arguments, or null if the request is refused
   */
  private static MemopArgs constructMemop(XenMemoryReservation r, Domain d, Domain caller) {
    int maxOrder = caller.privileged() ? CTLDOM_MAX_ORDER : DOMU_MAX_ORDER;
    if (r.extentOrder > maxOrder || (r.memFlags & ~XenMem.MEMF_ADDRESS_BITS_MASK) != 0) {
      return null;
    }
    long addressBits = r.memFlags & XenMem.MEMF_ADDRESS_BITS_MASK;
    if (addressBits != 0 && addressBits <= FrameTable.PAGE_SHIFT) {
      return null;
    }
    MemopArgs args = new MemopArgs();
    args.domain = d;
    args.extentList = r.extentStart;
    args.nrExtents = r.nrExtents;
    args.extentOrder = (int) r.extentOrder;
    long frameBits = addressBits - FrameTable.PAGE_SHIFT;
    args.frameLimit = addressBits == 0 || frameBits >= 62 ? Long.MAX_VALUE : 1L << frameBits;
    return args;
  }

  /**
   * {@code increase_reservation}: gives the domain extents. The model's domains are translated
   * (HVM/PVH), so the frames are only assigned; the guest maps them with populate_physmap or
   * add_to_physmap, and the extent list is not written.
   */
  private void increaseReservation(Hypercall call, MemopArgs a) {
    long i;
    for (i = a.nrDone; i < a.nrExtents; i++) {
      if (i != a.nrDone && call.preemptCheck()) {
        a.preempted = true;
        break;
      }
      if (frames.allocate(a.domain, a.extentOrder, a.frameLimit) < 0) {
        break;
      }
    }
    a.nrDone = i;
  }

  /** {@code decrease_reservation}: gives up the domain's frames at the listed gfns. */
  private void decreaseReservation(Hypercall call, MemopArgs a) {
    long i;
    extents:
    for (i = a.nrDone; i < a.nrExtents; i++) {
      if (i != a.nrDone && call.preemptCheck()) {
        a.preempted = true;
        break;
      }
      long gmfn;
      try {
        gmfn = call.memory().readUlong(a.extentList, i);
      } catch (GuestFault fault) {
        break;
      }
      for (long j = 0; j < 1L << a.extentOrder; j++) {
        if (physmap.removeOwnPage(a.domain, gmfn + j) != 0) {
          break extents;
        }
      }
    }
    a.nrDone = i;
  }

  /** {@code populate_physmap}: allocates an extent for each listed gfn and maps it there. */
  private void populatePhysmap(Hypercall call, MemopArgs a) {
    long i;
    for (i = a.nrDone; i < a.nrExtents; i++) {
      if (i != a.nrDone && call.preemptCheck()) {
        a.preempted = true;
        break;
      }
      long gpfn;
      try {
        gpfn = call.memory().readUlong(a.extentList, i);
      } catch (GuestFault fault) {
        break;
      }
      long mfn = frames.allocate(a.domain, a.extentOrder, a.frameLimit);
      if (mfn < 0) {
        break;
      }
      if (physmap.addPage(a.domain, gpfn, mfn, a.extentOrder) != 0) {
        for (long j = 0; j < 1L << a.extentOrder; j++) {
          frames.release(mfn + j);
        }
        break;
      }
    }
    a.nrDone = i;
  }
}
