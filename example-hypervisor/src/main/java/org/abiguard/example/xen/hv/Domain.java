package org.abiguard.example.xen.hv;

import java.util.List;
import org.abiguard.example.xen.pub.XenE820Entry;

/**
 * A guest domain: its id, whether it is privileged (a control domain like dom0), the ABI it runs
 * in, its memory reservation, its p2m and its event channels.
 *
 * <p>{@code totPages} is the number of machine frames the domain owns ({@code d->tot_pages}); only
 * the {@link FrameTable} changes it, when it assigns or frees frames. {@code maxPages} is the
 * reservation limit the toolstack set ({@code d->max_pages}).
 */
public final class Domain {
  private final int id;
  private final boolean privileged;
  private final GuestAbi abi;
  private final long maxPages;
  private final P2m p2m = new P2m();
  private final EventChannels evtchns;
  private long totPages;
  private List<XenE820Entry> e820;

  Domain(int id, boolean privileged, GuestAbi abi, long maxPages, int maxEvtchnPort) {
    this.id = id;
    this.evtchns = new EventChannels(abi, maxEvtchnPort);
    this.privileged = privileged;
    this.abi = abi;
    this.maxPages = maxPages;
    this.e820 =
        List.of(XenE820Entry.of(0, maxPages << FrameTable.PAGE_SHIFT, XenE820Entry.E820_RAM));
  }

  /** The domain id ({@code domid_t}). */
  public int id() {
    return id;
  }

  /** True for a control domain, which may act on other domains. */
  public boolean privileged() {
    return privileged;
  }

  /** The guest's ABI. */
  public GuestAbi abi() {
    return abi;
  }

  /** The most frames the domain may own. */
  public long maxPages() {
    return maxPages;
  }

  /** The frames the domain owns now. */
  public long totPages() {
    return totPages;
  }

  void adjustTotPages(long delta) {
    totPages += delta;
  }

  /** The domain's p2m. */
  public P2m p2m() {
    return p2m;
  }

  /** The domain's event channel ports. */
  public EventChannels evtchns() {
    return evtchns;
  }

  /** The memory map the guest reads with {@code XENMEM_memory_map}. */
  public List<XenE820Entry> e820() {
    return e820;
  }

  void setE820(List<XenE820Entry> map) {
    this.e820 = List.copyOf(map);
  }

  @Override
  public String toString() {
    return "d" + id;
  }
}
