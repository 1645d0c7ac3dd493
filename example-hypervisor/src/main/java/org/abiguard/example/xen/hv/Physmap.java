package org.abiguard.example.xen.hv;

import java.util.Optional;
import org.abiguard.example.xen.pub.Errno;

/**
 * The primitive p2m edits of Xen's {@code p2m.c} and {@code memory.c}, keeping the p2m, the m2p and
 * frame ownership consistent.
 */
final class Physmap {
  private final FrameTable frames;

  Physmap(FrameTable frames) {
    this.frames = frames;
  }

  /**
   * {@code guest_physmap_add_page}: maps {@code 2^order} frames from {@code mfn} (owned by {@code
   * d}, mapped nowhere) at {@code gfn}. A RAM frame mapped there before stays owned by the domain
   * but is mapped nowhere afterwards; a foreign mapping there makes it fail.
   *
   * @return 0, {@code -EINVAL} for frame numbers outside the p2m, {@code -EBUSY} over a foreign
   *     mapping
   */
  int addPage(Domain d, long gfn, long mfn, int order) {
    long count = 1L << order;
    if (!P2m.validGfn(gfn) || !P2m.validGfn(gfn + count - 1)) {
      return -Errno.EINVAL;
    }
    for (long i = 0; i < count; i++) {
      Optional<P2m.Entry> old = d.p2m().lookup(gfn + i);
      if (old.isPresent() && old.get().type() == P2m.Type.FOREIGN) {
        return -Errno.EBUSY;
      }
    }
    for (long i = 0; i < count; i++) {
      d.p2m().lookup(gfn + i).ifPresent(old -> frames.setM2p(old.mfn(), FrameTable.INVALID_M2P));
      d.p2m().set(gfn + i, new P2m.Entry(mfn + i, P2m.Type.RAM));
      frames.setM2p(mfn + i, gfn + i);
    }
    return 0;
  }

  /**
   * {@code guest_physmap_remove_page}: unhooks the mapping at {@code gfn}. A RAM frame stays
   * allocated to the domain; a foreign mapping drops its reference.
   *
   * @return 0, or {@code -ENOENT} if nothing is mapped there
   */
  int removePage(Domain d, long gfn) {
    Optional<P2m.Entry> entry = d.p2m().lookup(gfn);
    if (entry.isEmpty()) {
      return -Errno.ENOENT;
    }
    d.p2m().clear(gfn);
    if (entry.get().type() == P2m.Type.FOREIGN) {
      frames.putForeignRef(entry.get().mfn());
    } else {
      frames.setM2p(entry.get().mfn(), FrameTable.INVALID_M2P);
    }
    return 0;
  }

  /**
   * {@code guest_remove_page}: unmaps the domain's own frame at {@code gfn} and gives it up.
   *
   * @return 0, {@code -ENOENT} if nothing is mapped there, {@code -ENXIO} for a frame the domain
   *     does not own (a foreign mapping)
   */
  int removeOwnPage(Domain d, long gfn) {
    Optional<P2m.Entry> entry = d.p2m().lookup(gfn);
    if (entry.isEmpty()) {
      return -Errno.ENOENT;
    }
    if (entry.get().type() != P2m.Type.RAM) {
      return -Errno.ENXIO;
    }
    d.p2m().clear(gfn);
    frames.release(entry.get().mfn());
    return 0;
  }

  /**
   * {@code set_foreign_p2m_entry}: maps another domain's frame at {@code gfn}, taking a reference.
   */
  void setForeignEntry(Domain d, long gfn, long mfn) {
    frames.getForeignRef(mfn);
    d.p2m().set(gfn, new P2m.Entry(mfn, P2m.Type.FOREIGN));
  }

  /** The domain's own RAM frame at {@code gfn} ({@code get_page_from_gfn} + owner check), or -1. */
  long ownFrameAt(Domain d, long gfn) {
    return d.p2m()
        .lookup(gfn)
        .filter(e -> e.type() == P2m.Type.RAM && frames.owner(e.mfn()) == d.id())
        .map(P2m.Entry::mfn)
        .orElse(-1L);
  }
}
