package org.abiguard.example.xen.hv;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.abiguard.AbiCodec;
import org.abiguard.example.xen.pub.Errno;
import org.abiguard.example.xen.pub.XenMem;
import org.abiguard.example.xen.pub.XenMemoryExchange;
import org.abiguard.example.xen.pub.XenMemoryExchangeMarshaller;
import org.abiguard.example.xen.pub.XenMemoryReservation;

/**
 * {@code XENMEM_exchange} ({@code memory_exchange} in {@code common/memory.c}): trades extents of
 * the domain's memory for new extents of another order or address width, chunk by chunk.
 *
 * <p>A chunk is the smallest set of input extents that matches a whole number of output extents.
 * Each chunk is all or nothing: the model checks the input frames and the output gfns and allocates
 * the output frames before it gives up any input frame, so a chunk that fails ({@code -EINVAL},
 * {@code -EFAULT}, {@code -ENOMEM} when no frames are left) changes nothing. {@code nr_exchanged},
 * in input extents, goes back to the guest after every outcome.
 */
final class ExchangeOp {
  private final Domains domains;
  private final FrameTable frames;
  private final Physmap physmap;

  ExchangeOp(Domains domains, FrameTable frames, Physmap physmap) {
    this.domains = domains;
    this.frames = frames;
    this.physmap = physmap;
  }

  long memoryExchange(Hypercall call, long cmd, long arg) {
    AbiCodec<XenMemoryExchange> codec = XenMemoryExchangeMarshaller.codec(call.abi().id());
    XenMemoryExchange exch = call.copyFromGuest(codec, arg);
    if (exch == null) {
      return -Errno.EFAULT;
    }
    XenMemoryReservation in = exch.in;
    XenMemoryReservation out = exch.out;
    int maxOrder =
        call.caller().privileged()
            ? ReservationOps.CTLDOM_MAX_ORDER
            : ReservationOps.DOMU_MAX_ORDER;
    if (Math.max(in.extentOrder, out.extentOrder) > maxOrder) {
      return -Errno.EPERM;
    }
    long inPages = in.nrExtents << in.extentOrder;
    if (Long.compareUnsigned(exch.nrExchanged, in.nrExtents) > 0
        || in.domid != out.domid
        || Long.compareUnsigned(in.nrExtents, call.abi().maxUlong() >>> in.extentOrder) > 0
        || Long.compareUnsigned(out.nrExtents, call.abi().maxUlong() >>> out.extentOrder) > 0
        || inPages != out.nrExtents << out.extentOrder
        || (out.memFlags & ~XenMem.MEMF_ADDRESS_BITS_MASK) != 0) {
      return -Errno.EINVAL;
    }
    if (exch.nrExchanged == in.nrExtents) {
      return 0;
    }
    int inChunkOrder = (int) Math.max(0, out.extentOrder - in.extentOrder);
    int outChunkOrder = (int) Math.max(0, in.extentOrder - out.extentOrder);
    Domain d = domains.byAnyId(call.caller(), in.domid).orElse(null);
    if (d == null) {
      return -Errno.ESRCH;
    }
    long rc = Xsm.target(call.caller(), d);
    if (rc != 0) {
      return rc;
    }
    long addressBits = out.memFlags & XenMem.MEMF_ADDRESS_BITS_MASK;
    long limit =
        addressBits == 0 || addressBits - FrameTable.PAGE_SHIFT >= 62
            ? Long.MAX_VALUE
            : addressBits <= FrameTable.PAGE_SHIFT
                ? 0
                : 1L << (addressBits - FrameTable.PAGE_SHIFT);

    long first = exch.nrExchanged >>> inChunkOrder;
    long chunks = in.nrExtents >>> inChunkOrder;
    for (long i = first; i < chunks; i++) {
      boolean preempted = i != first && call.preemptCheck();
      rc =
          preempted
              ? 0
              : exchangeChunk(call.memory(), d, exch, i, inChunkOrder, outChunkOrder, limit);
      if (preempted || rc != 0) {
        long done = i << inChunkOrder;
        if (done < 0 || done > in.nrExtents) {
          return -Errno
              .EINVAL; // cannot happen: i < nrExtents >>> inChunkOrder (a C long: 32 bits on i386)
        }
        exch.nrExchanged = done;
        if (!call.copyToGuest(codec, exch, arg)) {
          return -Errno.EFAULT;
        }
        return preempted ? call.createContinuation(cmd) : rc;
      }
    }
    exch.nrExchanged = in.nrExtents;
    return call.copyToGuest(codec, exch, arg) ? 0 : -Errno.EFAULT;
  }

  /** Exchanges chunk {@code i}, all or nothing. */
  private long exchangeChunk(
      GuestMemory mem,
      Domain d,
      XenMemoryExchange exch,
      long i,
      int inChunkOrder,
      int outChunkOrder,
      long limit) {
    XenMemoryReservation in = exch.in;
    XenMemoryReservation out = exch.out;
    // The input frames: the domain's own, mapped once, not mapped by anyone else.
    List<Long> inGfns = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    try {
      for (long j = 0; j < 1L << inChunkOrder; j++) {
        long gmfn = mem.readUlong(in.extentStart, (i << inChunkOrder) + j);
        for (long k = 0; k < 1L << in.extentOrder; k++) {
          long mfn = physmap.ownFrameAt(d, gmfn + k);
          if (mfn < 0 || frames.foreignRefs(mfn) != 0 || !seen.add(gmfn + k)) {
            return -Errno.EINVAL;
          }
          inGfns.add(gmfn + k);
        }
      }
    } catch (GuestFault fault) {
      return -Errno.EFAULT;
    }
    // Where the output extents go: gfns the p2m can hold, not foreign mappings.
    List<Long> outGfns = new ArrayList<>();
    try {
      for (long j = 0; j < 1L << outChunkOrder; j++) {
        long gpfn = mem.readUlong(out.extentStart, (i << outChunkOrder) + j);
        long last = gpfn + (1L << out.extentOrder) - 1;
        if (!P2m.validGfn(gpfn) || !P2m.validGfn(last)) {
          return -Errno.EINVAL;
        }
        for (long g = gpfn; g <= last; g++) {
          if (d.p2m().lookup(g).filter(e -> e.type() == P2m.Type.FOREIGN).isPresent()) {
            return -Errno.EBUSY;
          }
        }
        outGfns.add(gpfn);
      }
    } catch (GuestFault fault) {
      return -Errno.EFAULT;
    }
    // The output frames.
    int outOrder = (int) out.extentOrder;
    List<Long> outMfns = new ArrayList<>();
    for (int j = 0; j < outGfns.size(); j++) {
      long mfn = frames.allocateBeyondReservation(d, outOrder, limit);
      if (mfn < 0) {
        for (long allocated : outMfns) {
          for (long k = 0; k < 1L << outOrder; k++) {
            frames.release(allocated + k);
          }
        }
        return -Errno.ENOMEM;
      }
      outMfns.add(mfn);
    }
    // Success: free the input frames, map the output frames.
    for (long gfn : inGfns) {
      physmap.removeOwnPage(d, gfn);
    }
    for (int j = 0; j < outGfns.size(); j++) {
      physmap.addPage(d, outGfns.get(j), outMfns.get(j), outOrder);
    }
    return 0;
  }
}
