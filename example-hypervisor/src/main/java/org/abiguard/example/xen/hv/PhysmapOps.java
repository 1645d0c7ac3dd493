package org.abiguard.example.xen.hv;

import org.abiguard.AbiCodec;
import org.abiguard.NativeLong;
import org.abiguard.U32;
import org.abiguard.example.xen.pub.DomIds;
import org.abiguard.example.xen.pub.DomidT;
import org.abiguard.example.xen.pub.Errno;
import org.abiguard.example.xen.pub.XenAddToPhysmap;
import org.abiguard.example.xen.pub.XenAddToPhysmapBatch;
import org.abiguard.example.xen.pub.XenAddToPhysmapBatchMarshaller;
import org.abiguard.example.xen.pub.XenAddToPhysmapMarshaller;
import org.abiguard.example.xen.pub.XenMapSpace;
import org.abiguard.example.xen.pub.XenPfnT;
import org.abiguard.example.xen.pub.XenRemoveFromPhysmap;
import org.abiguard.example.xen.pub.XenRemoveFromPhysmapMarshaller;
import org.abiguard.example.xen.pub.XenUlongT;

/**
 * {@code XENMEM_add_to_physmap}, {@code XENMEM_add_to_physmap_batch} and {@code
 * XENMEM_remove_from_physmap}, in the shape of Xen's code.
 *
 * <p>Both add operations end in one common function, {@link #xenmemAddToPhysmapOne}. Its {@code
 * space} parameter is where Xen 4.4-rc2 went wrong: it was {@code uint16_t}, so the 32-bit {@code
 * xen_add_to_physmap.space} of a guest was cut to its low 16 bits and {@code 0x10002} quietly
 * became {@code XENMAPSPACE_gmfn}. The fix made it {@code unsigned int}; here it is {@code @U32},
 * and abiguard's guard fails the build if it is ever narrowed again while a 32-bit field flows into
 * it.
 */
final class PhysmapOps {
  private final Domains domains;
  private final FrameTable frames;
  private final Physmap physmap;
  private final Hypercall call;

  /**
   * The operations of one hypercall: {@code call} stands for Xen's {@code current}, the calling
   * vCPU, which Xen's functions reach without a parameter.
   */
  PhysmapOps(Domains domains, FrameTable frames, Physmap physmap, Hypercall call) {
    this.domains = domains;
    this.frames = frames;
    this.physmap = physmap;
    this.call = call;
  }

  /** {@code current->domain}. */
  private Domain current() {
    return call.caller();
  }

  /** {@code XENMEM_add_to_physmap}. */
  long addToPhysmap(long cmd, long arg) {
    AbiCodec<XenAddToPhysmap> codec = XenAddToPhysmapMarshaller.codec(call.abi().id());
    XenAddToPhysmap xatp = call.copyFromGuest(codec, arg);
    if (xatp == null) {
      return -Errno.EFAULT;
    }
    // Foreign mappings are only possible through add_to_physmap_batch.
    if (xatp.space == XenMapSpace.GMFN_FOREIGN) {
      return -Errno.ENOSYS;
    }
    Domain d = domains.byAnyId(current(), xatp.domid).orElse(null);
    if (d == null) {
      return -Errno.ESRCH;
    }
    long rc = xatpPermissionCheck(d, xatp.space);
    if (rc != 0) {
      return rc;
    }
    rc = xenmemAddToPhysmap(d, xatp);
    if (xatp.space == XenMapSpace.GMFN_RANGE) {
      // Progress (size, idx, gpfn) goes back to the guest, so that a continuation, or the guest
      // after an error, sees how far the hypervisor got.
      if (rc != 0 && !call.copyToGuest(codec, xatp, arg)) {
        rc = -Errno.EFAULT;
      }
      if (rc == -Errno.EAGAIN) {
        rc = call.createContinuation(cmd);
      }
    }
    return rc;
  }

  /**
   * {@code value} as the guest's {@code unsigned long} or pointer holds it, wrapped as C wraps
   * {@code idx++} or a handle's {@code + 1}: at 64 bits for an x86_64 guest, at 32 for an i386 one.
   * {@code call.abi()} picks the width at run time. abiguard checks each ABI's width on its own and
   * cannot tie it to {@code call.abi()}: it follows {@code wrapUlong} and sees the 64-bit arm reach
   * a 32-bit field on i386. So the wrap is declared once, here: the result is a {@code @NativeLong}
   * on every ABI, which the callers are held to, and the narrowing inside is suppressed for this
   * reason.
   */
  @SuppressWarnings("abiguard:narrowing")
  private @NativeLong long wrapped(long value) {
    return call.abi().wrapUlong(value);
  }

  /**
   * {@code xenmem_add_to_physmap}: one frame, or for {@code XENMAPSPACE_gmfn_range} {@code size}
   * frames, advancing {@code idx} and {@code gpfn} and counting {@code size} down as it goes.
   *
   * @return 0, a negative errno, or {@code -EAGAIN} when preempted with work left
   */
  private long xenmemAddToPhysmap(Domain d, XenAddToPhysmap xatp) {
    if (xatp.space != XenMapSpace.GMFN_RANGE) {
      return xenmemAddToPhysmapOne(d, xatp.space, DomIds.DOMID_INVALID, xatp.idx, xatp.gpfn);
    }
    long rc = 0;
    while (xatp.size > 0) {
      rc = xenmemAddToPhysmapOne(d, xatp.space, DomIds.DOMID_INVALID, xatp.idx, xatp.gpfn);
      if (rc < 0) {
        break;
      }
      xatp.idx = wrapped(xatp.idx + 1);
      xatp.gpfn = wrapped(xatp.gpfn + 1);
      xatp.size = xatp.size - 1;
      if (xatp.size > 0 && call.preemptCheck()) {
        rc = -Errno.EAGAIN;
        break;
      }
    }
    return rc;
  }

  /** {@code XENMEM_add_to_physmap_batch}. */
  long addToPhysmapBatch(long cmd, long arg) {
    AbiCodec<XenAddToPhysmapBatch> codec = XenAddToPhysmapBatchMarshaller.codec(call.abi().id());
    XenAddToPhysmapBatch xatpb = call.copyFromGuest(codec, arg);
    if (xatpb == null) {
      return -Errno.EFAULT;
    }
    // This space is not supported by the batch.
    if (xatpb.space == XenMapSpace.GMFN_RANGE) {
      return -Errno.EOPNOTSUPP;
    }
    Domain d = domains.byAnyId(current(), xatpb.domid).orElse(null);
    if (d == null) {
      return -Errno.ESRCH;
    }
    long rc = xatpPermissionCheck(d, xatpb.space);
    if (rc != 0) {
      return rc;
    }
    rc = xenmemAddToPhysmapBatch(d, xatpb);
    if (rc == -Errno.EAGAIN) {
      rc = call.copyToGuest(codec, xatpb, arg) ? call.createContinuation(cmd) : -Errno.EFAULT;
    }
    return rc;
  }

  /**
   * {@code xenmem_add_to_physmap_batch}: each entry's result goes to the guest's {@code errs}
   * array; the handles advance and {@code size} counts down as entries are done.
   *
   * @return 0 (whatever the entries' results), {@code -EFAULT} if an array is not accessible,
   *     {@code -EAGAIN} when preempted with entries left
   */
  private long xenmemAddToPhysmapBatch(Domain d, XenAddToPhysmapBatch xatpb) {
    GuestMemory mem = call.memory();
    int ulong = call.abi().longBytes();
    long rc = 0;
    int done = 0;
    while (xatpb.size > done) {
      long idx;
      long gpfn;
      try {
        idx = mem.readUlong(xatpb.idxs, 0);
        gpfn = mem.readUlong(xatpb.gpfns, 0);
      } catch (GuestFault fault) {
        rc = -Errno.EFAULT;
        break;
      }
      int result = (int) xenmemAddToPhysmapOne(d, xatpb.space, xatpb.foreignDomid, idx, gpfn);
      try {
        mem.writeInt(xatpb.errs, 0, result);
      } catch (GuestFault fault) {
        rc = -Errno.EFAULT;
        break;
      }
      xatpb.idxs = wrapped(xatpb.idxs + ulong);
      xatpb.gpfns = wrapped(xatpb.gpfns + ulong);
      xatpb.errs = wrapped(xatpb.errs + Integer.BYTES);
      done++;
      if (xatpb.size > done && call.preemptCheck()) {
        rc = -Errno.EAGAIN;
        break;
      }
    }
    xatpb.size = xatpb.size - done;
    return rc;
  }

  /**
   * {@code xenmem_add_to_physmap_one}: maps one frame of {@code space} at {@code gpfn} in {@code
   * d}. The common function of both add operations.
   *
   * @param space {@code XENMAPSPACE_*}; an {@code unsigned int}, as in Xen since the 4.4 fix
   * @param foreignDomid for {@code XENMAPSPACE_gmfn_foreign}: the domain owning {@code idx}
   * @param idx the index into the space: a gfn of {@code d} (gmfn) or of the foreign domain
   * @param gpfn where to map it in {@code d}
   * @return 0 or a negative errno
   */
  long xenmemAddToPhysmapOne(
      Domain d,
      @U32 long space,
      @DomidT int foreignDomid,
      @XenUlongT long idx,
      @XenPfnT long gpfn) {
    long mfn = -1;
    if (space == XenMapSpace.GMFN || space == XenMapSpace.GMFN_RANGE) {
      mfn = physmap.ownFrameAt(d, idx);
    } else if (space == XenMapSpace.GMFN_FOREIGN) {
      return addForeign(d, idx, gpfn, foreignDomid);
    }
    // shared_info, grant_table and dev_mmio have no frames in this model; any other value is no
    // space at all. Either way there is no frame to map.
    if (mfn < 0 || !P2m.validGfn(gpfn)) {
      return -Errno.EINVAL;
    }
    // Remove the page mapped at gpfn before, if any: the domain's own memory is freed.
    P2m.Entry prev = d.p2m().lookup(gpfn).orElse(null);
    if (prev != null && prev.mfn() != mfn) {
      long rc = physmap.removeOwnPage(d, gpfn);
      if (rc != 0) {
        return rc;
      }
    }
    // Unmap from the old location, then map at the new one.
    long oldGpfn = frames.m2p(mfn);
    if (oldGpfn != idx) {
      return -Errno.EXDEV;
    }
    physmap.removePage(d, oldGpfn);
    return physmap.addPage(d, gpfn, mfn, 0);
  }

  /**
   * {@code p2m_add_foreign}: maps frame {@code fgfn} of domain {@code foreignDomid} at {@code gpfn}
   * in {@code d}, which needs privilege over the foreign domain.
   */
  private long addForeign(Domain d, long fgfn, long gpfn, @DomidT int foreignDomid) {
    if (foreignDomid == DomIds.DOMID_SELF) {
      return -Errno.EINVAL;
    }
    // get_pg_owner: the calling domain cannot name itself; reserved ids own no frames here.
    Domain fdom = foreignDomid == current().id() ? null : domains.byId(foreignDomid).orElse(null);
    if (fdom == null) {
      return -Errno.ESRCH;
    }
    if (fdom == d) {
      return -Errno.EINVAL;
    }
    long rc = Xsm.target(d, fdom);
    if (rc != 0) {
      return rc;
    }
    long mfn = physmap.ownFrameAt(fdom, fgfn);
    if (mfn < 0 || !P2m.validGfn(gpfn)) {
      return -Errno.EINVAL;
    }
    if (d.p2m().lookup(gpfn).isPresent()) {
      rc = physmap.removeOwnPage(d, gpfn);
      if (rc != 0) {
        return rc;
      }
    }
    physmap.setForeignEntry(d, gpfn, mfn);
    return 0;
  }

  /**
   * {@code xatp_permission_check}: the caller needs privilege over {@code d}; device MMIO only the
   * hardware domain may map, into itself.
   */
  private long xatpPermissionCheck(Domain d, @U32 long space) {
    if (space == XenMapSpace.DEV_MMIO && (!d.privileged() || d != current())) {
      return -Errno.EACCES;
    }
    return Xsm.target(current(), d);
  }

  /** {@code XENMEM_remove_from_physmap}: unhooks whatever is mapped at {@code gpfn}. */
  long removeFromPhysmap(long arg) {
    XenRemoveFromPhysmap xrfp =
        call.copyFromGuest(XenRemoveFromPhysmapMarshaller.codec(call.abi().id()), arg);
    if (xrfp == null) {
      return -Errno.EFAULT;
    }
    Domain d = domains.byAnyId(current(), xrfp.domid).orElse(null);
    if (d == null) {
      return -Errno.ESRCH;
    }
    long rc = Xsm.target(current(), d);
    if (rc != 0) {
      return rc;
    }
    return physmap.removePage(d, xrfp.gpfn);
  }
}
