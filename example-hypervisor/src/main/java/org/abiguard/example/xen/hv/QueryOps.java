package org.abiguard.example.xen.hv;

import org.abiguard.AbiCodec;
import org.abiguard.example.xen.pub.Errno;
import org.abiguard.example.xen.pub.XenMem;
import org.abiguard.example.xen.pub.XenPodTarget;
import org.abiguard.example.xen.pub.XenPodTargetMarshaller;

/**
 * The read-only operations: {@code XENMEM_current_reservation}, {@code XENMEM_maximum_reservation},
 * {@code XENMEM_maximum_gpfn}, {@code XENMEM_maximum_ram_page} and {@code XENMEM_get_pod_target}.
 */
final class QueryOps {
  private final Domains domains;
  private final FrameTable frames;

  QueryOps(Domains domains, FrameTable frames) {
    this.domains = domains;
    this.frames = frames;
  }

  /** The three operations whose argument is a pointer to a {@code domid_t}. */
  long domainStat(Hypercall call, int op, long arg) {
    int domid;
    try {
      domid = call.memory().readU16(arg);
    } catch (GuestFault fault) {
      return -Errno.EFAULT;
    }
    Domain d = domains.byAnyId(call.caller(), domid).orElse(null);
    if (d == null) {
      return -Errno.ESRCH;
    }
    long rc = Xsm.target(call.caller(), d);
    if (rc != 0) {
      return rc;
    }
    return switch (op) {
      case XenMem.CURRENT_RESERVATION -> d.totPages();
      case XenMem.MAXIMUM_RESERVATION -> d.maxPages();
      default -> d.p2m().maxMappedGfn();
    };
  }

  /** {@code XENMEM_maximum_ram_page}: the number of machine frames ({@code max_page}). */
  long maximumRamPage() {
    return frames.nrFrames();
  }

  /**
   * {@code XENMEM_get_pod_target}, privileged. The model has no populate-on-demand, so the cache
   * and the entries are always 0.
   */
  long getPodTarget(Hypercall call, long arg) {
    AbiCodec<XenPodTarget> codec = XenPodTargetMarshaller.codec(call.abi().id());
    XenPodTarget target = call.copyFromGuest(codec, arg);
    if (target == null) {
      return -Errno.EFAULT;
    }
    Domain d = domains.byAnyId(call.caller(), target.domid).orElse(null);
    if (d == null) {
      return -Errno.ESRCH;
    }
    long rc = Xsm.priv(call.caller());
    if (rc != 0) {
      return rc;
    }
    target.totPages = d.totPages();
    target.podCachePages = 0;
    target.podEntries = 0;
    return call.copyToGuest(codec, target, arg) ? 0 : -Errno.EFAULT;
  }
}
