package org.abiguard.example.xen.hv;

import org.abiguard.example.xen.pub.Errno;
import org.abiguard.example.xen.pub.XenMem;

/**
 * {@code do_memory_op(cmd, arg)}: splits {@code cmd} into the sub-command and the extent to start
 * from, and hands the request to the operation. Sub-commands the model does not implement get
 * {@code -ENOSYS}, as unknown ones do in Xen.
 */
final class MemoryOp {
  private final Domains domains;
  private final FrameTable frames;
  private final Physmap physmap;
  private final ReservationOps reservations;
  private final QueryOps queries;
  private final MemoryMapOps memoryMaps;
  private final ExchangeOp exchange;

  MemoryOp(Domains domains, FrameTable frames) {
    this.domains = domains;
    this.frames = frames;
    this.physmap = new Physmap(frames);
    this.reservations = new ReservationOps(domains, frames, physmap);
    this.queries = new QueryOps(domains, frames);
    this.memoryMaps = new MemoryMapOps(domains);
    this.exchange = new ExchangeOp(domains, frames, physmap);
  }

  long doMemoryOp(Hypercall call, long cmd, long arg) {
    int op = (int) (cmd & XenMem.MEMOP_CMD_MASK);
    long startExtent = cmd >>> XenMem.MEMOP_EXTENT_SHIFT;
    switch (op) {
      case XenMem.INCREASE_RESERVATION, XenMem.DECREASE_RESERVATION, XenMem.POPULATE_PHYSMAP -> {
        return reservations.reservationOp(call, op, startExtent, arg);
      }
      case XenMem.CURRENT_RESERVATION,
          XenMem.MAXIMUM_RESERVATION,
          XenMem.MAXIMUM_GPFN,
          XenMem.MAXIMUM_RAM_PAGE,
          XenMem.ADD_TO_PHYSMAP,
          XenMem.ADD_TO_PHYSMAP_BATCH,
          XenMem.REMOVE_FROM_PHYSMAP,
          XenMem.MEMORY_MAP,
          XenMem.SET_MEMORY_MAP,
          XenMem.GET_POD_TARGET,
          XenMem.EXCHANGE -> {
        // only the reservation operations continue from an extent encoded in cmd
        return startExtent != 0 ? -Errno.EINVAL : single(call, op, cmd, arg);
      }
      default -> {
        return -Errno.ENOSYS;
      }
    }
  }

  private PhysmapOps physmaps(Hypercall call) {
    return new PhysmapOps(domains, frames, physmap, call);
  }

  private long single(Hypercall call, int op, long cmd, long arg) {
    return switch (op) {
      case XenMem.CURRENT_RESERVATION, XenMem.MAXIMUM_RESERVATION, XenMem.MAXIMUM_GPFN ->
          queries.domainStat(call, op, arg);
      case XenMem.MAXIMUM_RAM_PAGE -> queries.maximumRamPage();
      case XenMem.ADD_TO_PHYSMAP -> physmaps(call).addToPhysmap(cmd, arg);
      case XenMem.ADD_TO_PHYSMAP_BATCH -> physmaps(call).addToPhysmapBatch(cmd, arg);
      case XenMem.REMOVE_FROM_PHYSMAP -> physmaps(call).removeFromPhysmap(arg);
      case XenMem.MEMORY_MAP -> memoryMaps.memoryMap(call, arg);
      case XenMem.SET_MEMORY_MAP -> memoryMaps.setMemoryMap(call, arg);
      case XenMem.GET_POD_TARGET -> queries.getPodTarget(call, arg);
      default -> exchange.memoryExchange(call, cmd, arg);
    };
  }
}
