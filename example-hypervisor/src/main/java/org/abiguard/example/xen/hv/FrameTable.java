package org.abiguard.example.xen.hv;

import java.util.ArrayList;
import java.util.List;

/**
 * Machine memory: a fixed number of 4 KiB frames, each free or owned by one domain, with the
 * machine-to-physical map ({@code m2p}), the count of foreign mappings of each frame and the
 * frames' contents.
 *
 * <p>A frame is <em>allocated</em> ({@code PGC_allocated}) from the moment a domain is given it
 * until the domain releases it; it goes back to the free pool when it is neither allocated nor
 * mapped by another domain. The owner's {@code totPages} counts it until then, as in Xen. Contents
 * are created on first write and scrubbed (dropped) when the frame is freed.
 */
public final class FrameTable {
  /** log2 of the page size. */
  public static final int PAGE_SHIFT = 12;

  /** Bytes in a page. */
  public static final int PAGE_SIZE = 1 << PAGE_SHIFT;

  /** The m2p value of a frame mapped nowhere in its owner's p2m. */
  public static final long INVALID_M2P = -1;

  private static final int NO_OWNER = -1;

  private final int nrFrames;
  private final int[] owner;
  private final boolean[] allocated;
  private final long[] m2p;
  private final int[] foreignRefs;
  private final byte[][] contents;
  private final Domains domains;

  FrameTable(int nrFrames, Domains domains) {
    if (nrFrames <= 0) {
      throw new IllegalArgumentException("a machine needs at least one frame, not " + nrFrames);
    }
    this.nrFrames = nrFrames;
    this.owner = new int[nrFrames];
    this.allocated = new boolean[nrFrames];
    this.m2p = new long[nrFrames];
    this.foreignRefs = new int[nrFrames];
    this.contents = new byte[nrFrames][];
    this.domains = domains;
    java.util.Arrays.fill(owner, NO_OWNER);
    java.util.Arrays.fill(m2p, INVALID_M2P);
  }

  /** The number of machine frames ({@code max_page}). */
  public int nrFrames() {
    return nrFrames;
  }

  /** The number of free frames. */
  public int freeFrames() {
    int free = 0;
    for (int o : owner) {
      if (o == NO_OWNER) {
        free++;
      }
    }
    return free;
  }

  /**
   * Gives {@code d} {@code 2^order} contiguous, {@code 2^order}-aligned free frames below frame
   * {@code limit}, as {@code alloc_domheap_pages} does.
   *
   * @return the first frame, or -1 if the domain would exceed its reservation or no such run is
   *     free
   */
  long allocate(Domain d, int order, long limit) {
    if (d.totPages() + (1L << order) > d.maxPages()) {
      return -1;
    }
    return allocateBeyondReservation(d, order, limit);
  }

  /**
   * Like {@link #allocate} but without the reservation check ({@code MEMF_no_refcount}): for {@code
   * XENMEM_exchange}, which gives up as many frames as it takes.
   */
  long allocateBeyondReservation(Domain d, int order, long limit) {
    long count = 1L << order;
    if (order < 0 || order > 30) {
      return -1;
    }
    long end = Math.min(limit, nrFrames);
    for (long first = 0; first + count <= end; first += count) {
      if (runIsFree((int) first, (int) count)) {
        for (int mfn = (int) first; mfn < first + count; mfn++) {
          owner[mfn] = d.id();
          allocated[mfn] = true;
          m2p[mfn] = INVALID_M2P;
        }
        d.adjustTotPages(count);
        return first;
      }
    }
    return -1;
  }

  private boolean runIsFree(int first, int count) {
    for (int mfn = first; mfn < first + count; mfn++) {
      if (owner[mfn] != NO_OWNER) {
        return false;
      }
    }
    return true;
  }

  /** Drops the owner's allocation of {@code mfn}; the frame is freed once no one maps it. */
  void release(long mfn) {
    int m = (int) mfn;
    allocated[m] = false;
    m2p[m] = INVALID_M2P;
    freeIfUnused(m);
  }

  /** A foreign mapping of {@code mfn} starts. */
  void getForeignRef(long mfn) {
    foreignRefs[(int) mfn]++;
  }

  /** A foreign mapping of {@code mfn} ends; frees the frame if its owner released it already. */
  void putForeignRef(long mfn) {
    int m = (int) mfn;
    foreignRefs[m]--;
    freeIfUnused(m);
  }

  private void freeIfUnused(int mfn) {
    if (!allocated[mfn] && foreignRefs[mfn] == 0 && owner[mfn] != NO_OWNER) {
      domains.byId(owner[mfn]).ifPresent(d -> d.adjustTotPages(-1));
      owner[mfn] = NO_OWNER;
      contents[mfn] = null;
    }
  }

  /** The owning domain's id, or -1 if the frame is free. */
  public int owner(long mfn) {
    return owner[(int) mfn];
  }

  /** True while the owner holds its allocation of the frame. */
  public boolean allocated(long mfn) {
    return allocated[(int) mfn];
  }

  /** The gfn the frame is mapped at in its owner's p2m, or {@link #INVALID_M2P}. */
  public long m2p(long mfn) {
    return m2p[(int) mfn];
  }

  void setM2p(long mfn, long gfn) {
    m2p[(int) mfn] = gfn;
  }

  /** How many foreign p2m entries map the frame. */
  public int foreignRefs(long mfn) {
    return foreignRefs[(int) mfn];
  }

  /** True if {@code mfn} names a machine frame. */
  public boolean valid(long mfn) {
    return mfn >= 0 && mfn < nrFrames;
  }

  /** The frame's bytes, created zero-filled on first use. */
  byte[] page(long mfn) {
    int m = (int) mfn;
    if (contents[m] == null) {
      contents[m] = new byte[PAGE_SIZE];
    }
    return contents[m];
  }

  /** The frames {@code d} owns. */
  public List<Long> ownedBy(Domain d) {
    List<Long> frames = new ArrayList<>();
    for (int mfn = 0; mfn < nrFrames; mfn++) {
      if (owner[mfn] == d.id()) {
        frames.add((long) mfn);
      }
    }
    return frames;
  }
}
