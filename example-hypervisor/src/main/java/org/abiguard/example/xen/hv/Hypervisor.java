package org.abiguard.example.xen.hv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model hypervisor: machine memory, the domains, and the {@code HYPERVISOR_memory_op} and
 * {@code HYPERVISOR_event_channel_op_compat} entry points.
 *
 * <pre>{@code
 * Hypervisor xen = new Hypervisor(4096, 8);
 * Domain dom0 = xen.createDomain(0, true, GuestAbi.X86_64, 1024);
 * xen.populate(dom0, 0, 256);                                  // the toolstack's boot memory
 * GuestMemory mem = xen.memory(dom0);                          // where the guest puts arguments
 * HypercallResult r = xen.memoryOp(dom0, XenMem.ADD_TO_PHYSMAP, 0x1000);
 * }</pre>
 */
public final class Hypervisor {
  /** Frames of a default machine: 64 MiB. */
  public static final int DEFAULT_FRAMES = 16384;

  /** Units of work a hypercall does before it is preempted, by default. */
  public static final int DEFAULT_PREEMPT_BUDGET = 8;

  /** Re-executions after which a hypercall that keeps asking to continue is a hypervisor bug. */
  private static final int MAX_CONTINUATIONS = 1 << 20;

  private final Domains domains = new Domains();
  private final FrameTable frames;
  private final Physmap physmap;
  private final MemoryOp memoryOp;
  private final EventChannelOp eventChannelOp;
  private final int preemptBudget;

  /**
   * @param nrFrames machine frames
   * @param preemptBudget units of work per hypercall execution before preemption; 0 never preempts
   */
  public Hypervisor(int nrFrames, int preemptBudget) {
    if (preemptBudget < 0) {
      throw new IllegalArgumentException(
          "the preemption budget cannot be negative: " + preemptBudget);
    }
    this.frames = new FrameTable(nrFrames, domains);
    this.physmap = new Physmap(frames);
    this.memoryOp = new MemoryOp(domains, frames);
    this.eventChannelOp = new EventChannelOp(domains);
    this.preemptBudget = preemptBudget;
  }

  /** A default machine. */
  public Hypervisor() {
    this(DEFAULT_FRAMES, DEFAULT_PREEMPT_BUDGET);
  }

  /**
   * Creates a domain with an empty p2m (the toolstack's {@code domain_create} and {@code
   * setmaxmem}).
   *
   * @throws IllegalArgumentException for a reserved or taken id or a negative reservation
   */
  public Domain createDomain(int id, boolean privileged, GuestAbi abi, long maxPages) {
    return createDomain(id, privileged, abi, maxPages, EventChannels.DEFAULT_MAX_PORT);
  }

  /**
   * Creates a domain as {@link #createDomain(int, boolean, GuestAbi, long)} does, whose event
   * channel ports go up to {@code maxEvtchnPort} (the toolstack's {@code max_event_channels}).
   *
   * @throws IllegalArgumentException also for a negative {@code maxEvtchnPort}
   */
  public Domain createDomain(
      int id, boolean privileged, GuestAbi abi, long maxPages, int maxEvtchnPort) {
    return domains.create(id, privileged, abi, maxPages, maxEvtchnPort);
  }

  /**
   * Gives {@code d} {@code pages} frames mapped at gfns {@code firstGfn..}, as the toolstack does
   * when it builds a domain.
   *
   * @throws IllegalStateException if the domain's reservation or the machine has no room, or a gfn
   *     is taken or invalid; nothing changes then
   */
  public void populate(Domain d, long firstGfn, long pages) {
    if (pages < 0
        || !P2m.validGfn(firstGfn)
        || (pages > 0 && !P2m.validGfn(firstGfn + pages - 1))) {
      throw new IllegalStateException(
          "gfns 0x" + Long.toHexString(firstGfn) + " + " + pages + " are not valid");
    }
    for (long gfn = firstGfn; gfn < firstGfn + pages; gfn++) {
      if (d.p2m().lookup(gfn).isPresent()) {
        throw new IllegalStateException(d + " already has gfn 0x" + Long.toHexString(gfn));
      }
    }
    List<Long> mfns = new ArrayList<>();
    for (long i = 0; i < pages; i++) {
      long mfn = frames.allocate(d, 0, Long.MAX_VALUE);
      if (mfn < 0) {
        mfns.forEach(frames::release);
        throw new IllegalStateException(
            "cannot give "
                + d
                + " "
                + pages
                + " pages: "
                + (d.totPages() + pages - i > d.maxPages()
                    ? "its reservation is " + d.maxPages()
                    : "the machine is full"));
      }
      mfns.add(mfn);
    }
    for (int i = 0; i < mfns.size(); i++) {
      physmap.addPage(d, firstGfn + i, mfns.get(i), 0);
    }
  }

  /**
   * {@code HYPERVISOR_memory_op(cmd, arg)} issued by {@code caller}: {@code arg} is a
   * guest-physical address in the caller's memory. Runs the hypercall to completion, re-executing
   * it after each preemption as the guest would.
   */
  public HypercallResult memoryOp(Domain caller, long cmd, long arg) {
    long command = caller.abi().wrapUlong(cmd);
    long address = caller.abi().wrapUlong(arg);
    for (int continuations = 0; continuations < MAX_CONTINUATIONS; continuations++) {
      Hypercall call = new Hypercall(caller, memory(caller), preemptBudget);
      long rc = memoryOp.doMemoryOp(call, command, address);
      if (call.continuationCmd() < 0) {
        return new HypercallResult(caller.abi().wrapReturn(rc), continuations);
      }
      command = call.continuationCmd();
    }
    throw new IllegalStateException("memory_op(" + cmd + ") never completed: a hypervisor bug");
  }

  /**
   * {@code HYPERVISOR_event_channel_op_compat(uop)} issued by {@code caller}: {@code uop} is the
   * guest-physical address of a {@code struct evtchn_op} in the caller's memory. Event channel
   * operations are never preempted.
   */
  public HypercallResult eventChannelOp(Domain caller, long uop) {
    Hypercall call = new Hypercall(caller, memory(caller), preemptBudget);
    long rc = eventChannelOp.doEventChannelOpCompat(call, caller.abi().wrapUlong(uop));
    return new HypercallResult(caller.abi().wrapReturn(rc), 0);
  }

  /** The guest memory of {@code d}, as the hypervisor and the guest itself see it. */
  public GuestMemory memory(Domain d) {
    return new GuestMemory(d, frames);
  }

  /** The domains. */
  public Domains domains() {
    return domains;
  }

  /** Machine memory. */
  public FrameTable frames() {
    return frames;
  }

  /**
   * Checks that frame ownership, the p2ms, the m2p, foreign references and every domain's page
   * count agree, and that both ends of every event channel connection agree.
   *
   * @return the inconsistencies found; empty when the model is consistent
   */
  public List<String> checkConsistency() {
    List<String> problems = new ArrayList<>();
    Map<Integer, Long> owned = new HashMap<>();
    Map<Long, Integer> foreignMappings = new HashMap<>();
    for (long mfn = 0; mfn < frames.nrFrames(); mfn++) {
      int owner = frames.owner(mfn);
      if (owner < 0) {
        if (frames.allocated(mfn)
            || frames.foreignRefs(mfn) != 0
            || frames.m2p(mfn) != FrameTable.INVALID_M2P) {
          problems.add(
              "free mfn 0x"
                  + Long.toHexString(mfn)
                  + " is still allocated, referenced or in the m2p");
        }
        continue;
      }
      owned.merge(owner, 1L, Long::sum);
      if (domains.byId(owner).isEmpty()) {
        problems.add(
            "mfn 0x" + Long.toHexString(mfn) + " is owned by d" + owner + ", which does not exist");
        continue;
      }
      if (!frames.allocated(mfn) && frames.foreignRefs(mfn) == 0) {
        problems.add(
            "mfn 0x"
                + Long.toHexString(mfn)
                + " is owned but neither allocated nor mapped: leaked");
      }
      long gfn = frames.m2p(mfn);
      if (gfn != FrameTable.INVALID_M2P) {
        Domain d = domains.byId(owner).orElseThrow();
        P2m.Entry back = d.p2m().lookup(gfn).orElse(null);
        if (back == null || back.type() != P2m.Type.RAM || back.mfn() != mfn) {
          problems.add(
              "m2p says mfn 0x"
                  + Long.toHexString(mfn)
                  + " is gfn 0x"
                  + Long.toHexString(gfn)
                  + " of "
                  + d
                  + ", whose p2m disagrees");
        }
      }
    }
    for (Domain d : domains.all()) {
      long count = owned.getOrDefault(d.id(), 0L);
      if (count != d.totPages()) {
        problems.add(d + " owns " + count + " frames but its tot_pages is " + d.totPages());
      }
      if (d.totPages() > d.maxPages()) {
        problems.add(
            d + " has " + d.totPages() + " pages, more than its max_pages " + d.maxPages());
      }
      for (Map.Entry<Long, P2m.Entry> e : d.p2m().entries().entrySet()) {
        long gfn = e.getKey();
        long mfn = e.getValue().mfn();
        String where = d + " gfn 0x" + Long.toHexString(gfn) + " -> mfn 0x" + Long.toHexString(mfn);
        if (!frames.valid(mfn)) {
          problems.add(where + ": no such frame");
        } else if (e.getValue().type() == P2m.Type.RAM) {
          if (frames.owner(mfn) != d.id() || !frames.allocated(mfn) || frames.m2p(mfn) != gfn) {
            problems.add(
                where
                    + ": RAM entry for a frame the domain does not hold there (owner d"
                    + frames.owner(mfn)
                    + ", m2p 0x"
                    + Long.toHexString(frames.m2p(mfn))
                    + ")");
          }
        } else {
          foreignMappings.merge(mfn, 1, Integer::sum);
          if (frames.owner(mfn) < 0 || frames.owner(mfn) == d.id()) {
            problems.add(where + ": foreign entry for a frame owned by d" + frames.owner(mfn));
          }
        }
      }
    }
    for (Domain d : domains.all()) {
      checkEventChannels(d, problems);
    }
    for (long mfn = 0; mfn < frames.nrFrames(); mfn++) {
      int refs = foreignMappings.getOrDefault(mfn, 0);
      if (refs != frames.foreignRefs(mfn)) {
        problems.add(
            "mfn 0x"
                + Long.toHexString(mfn)
                + " has "
                + frames.foreignRefs(mfn)
                + " foreign references but "
                + refs
                + " foreign p2m entries");
      }
    }
    return problems;
  }

  /** Port 0 reserved, no port in use above the limit, both ends of every connection agree. */
  private void checkEventChannels(Domain d, List<String> problems) {
    EventChannels ports = d.evtchns();
    if (ports.port(0).map(EventChannels.Channel::state).orElse(null)
        != EventChannels.State.RESERVED) {
      problems.add(d + " port 0 is not reserved");
    }
    for (int port : ports.inUse()) {
      EventChannels.Channel chn = ports.port(port).orElseThrow();
      String where = d + " port " + port;
      if (port > ports.maxPort()) {
        problems.add(where + " is in use above max_evtchn_port " + ports.maxPort());
      }
      if (chn.state() != EventChannels.State.INTERDOMAIN) {
        continue;
      }
      Domain rd = domains.byId(chn.remoteDomid()).orElse(null);
      EventChannels.Channel back =
          rd == null ? null : rd.evtchns().port(chn.remotePort()).orElse(null);
      if (back == null
          || back.state() != EventChannels.State.INTERDOMAIN
          || back.remoteDomid() != d.id()
          || back.remotePort() != port) {
        problems.add(
            where
                + " is connected to d"
                + chn.remoteDomid()
                + " port "
                + chn.remotePort()
                + ", which is not connected back ("
                + back
                + ")");
      }
    }
  }
}
