package org.abiguard.example.xen.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.abiguard.example.xen.hv.Domain;
import org.abiguard.example.xen.hv.EventChannels;
import org.abiguard.example.xen.hv.GuestAbi;
import org.abiguard.example.xen.hv.GuestFault;
import org.abiguard.example.xen.hv.HypercallResult;
import org.abiguard.example.xen.hv.Hypervisor;
import org.abiguard.example.xen.pub.Errno;
import org.abiguard.example.xen.pub.XenMem;

/**
 * Runs a parsed trace on a fresh {@link Hypervisor}: builds the machine and the domains, puts each
 * call's argument into the calling guest's memory, issues the hypercall, and prints it.
 *
 * <p>After every hypercall it checks the result against the line's expectation, if any, and the
 * hypervisor's state for consistency; {@link #run} returns how many of these checks failed.
 */
final class TraceRunner {
  /** Where a call's argument goes when its line gives no {@code at=}: the guest's gfn 1. */
  static final long DEFAULT_ARGUMENT_ADDRESS = 0x1000;

  private final OpCatalog catalog;
  private final CallTable table;
  private Hypervisor xen;
  private int failures;

  TraceRunner(OpCatalog catalog, CallTable table) {
    this.catalog = catalog;
    this.table = table;
  }

  /**
   * @return the number of failed expectations and consistency checks
   * @throws TraceException if a line cannot be executed (its argument does not fit, the guest
   *     memory for it is not mapped, the machine has no room for a domain)
   */
  int run(TraceLine.Trace trace) throws TraceException {
    xen = null;
    failures = 0;
    boolean headerPrinted = false;
    for (TraceLine line : trace.lines()) {
      if (line instanceof TraceLine.Machine m) {
        xen = new Hypervisor(m.frames(), m.preempt());
        table.line(
            String.format(
                "machine: %d frames of 4 KiB, preemption after %d units of work",
                m.frames(), m.preempt()));
        continue;
      }
      if (xen == null) {
        xen = new Hypervisor();
      }
      if (line instanceof TraceLine.DomainDecl d) {
        createDomain(trace.source(), d);
        continue;
      }
      if (!headerPrinted) {
        table.line("");
        table.header();
        headerPrinted = true;
      }
      if (line instanceof TraceLine.Call c) {
        call(trace.source(), c);
      } else if (line instanceof TraceLine.RawCall r) {
        rawCall(r);
      } else if (line instanceof TraceLine.RawEventChannelCall r) {
        rawEventChannelCall(r);
      } else if (line instanceof TraceLine.Write w) {
        write(trace.source(), w);
      }
    }
    if (xen != null) {
      summary();
    }
    return failures;
  }

  private void createDomain(String source, TraceLine.DomainDecl d) throws TraceException {
    try {
      Domain dom =
          xen.createDomain(
              d.id(),
              d.privileged(),
              GuestAbi.byId(d.abi()).orElseThrow(),
              d.maxPages(),
              d.maxEvtchnPort());
      xen.populate(dom, 0, d.pages());
      table.line(
          String.format(
              "%s: %s %s guest, %d pages at gfn 0x0..0x%x, at most %d; event channel ports up to %d",
              dom,
              d.privileged() ? "privileged" : "unprivileged",
              dom.abi(),
              d.pages(),
              Math.max(0, d.pages() - 1),
              d.maxPages(),
              dom.evtchns().maxPort()));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new TraceException(source, d.line(), e.getMessage());
    }
  }

  private void call(String source, TraceLine.Call c) throws TraceException {
    Domain d = domain(c.domain());
    TraceOp op = catalog.byName(c.op()).orElseThrow();
    Fields fields = new Fields(source, c.line(), c.fields());
    long at = fields.has("at") ? fields.number("at") : DEFAULT_ARGUMENT_ADDRESS;
    TraceOp.Prepared prepared;
    try {
      prepared = op.prepare(fields, new ArgumentArea(xen.memory(d), at));
    } catch (GuestFault fault) {
      throw new TraceException(
          source,
          c.line(),
          "cannot put the argument into "
              + d
              + "'s memory: "
              + fault.getMessage()
              + "; choose a mapped address with at=ADDR");
    }
    Set<String> pendingBefore = pendingPorts();
    HypercallResult r = op.issue(xen, d, at);
    String where = fields.has("at") ? String.format("(at 0x%x) ", at) : "";
    table.call(
        c.line(), d.toString(), op.name(), Errno.describe(r.rc()), where + prepared.arguments());
    table.detail(prepared.results().get());
    notePending(pendingBefore);
    after(c.line(), r, c.expected().isPresent() ? c.expected().getAsLong() : null);
  }

  private void rawEventChannelCall(TraceLine.RawEventChannelCall c) {
    Domain d = domain(c.domain());
    Set<String> pendingBefore = pendingPorts();
    HypercallResult r = xen.eventChannelOp(d, c.address());
    table.call(
        c.line(),
        d.toString(),
        "event_channel_op",
        Errno.describe(r.rc()),
        String.format("(raw event_channel_op_compat) arg=0x%x", c.address()));
    notePending(pendingBefore);
    after(c.line(), r, c.expected().isPresent() ? c.expected().getAsLong() : null);
  }

  /** Every pending event channel port, as {@code dN port P}. */
  private Set<String> pendingPorts() {
    Set<String> pending = new LinkedHashSet<>();
    for (Domain d : xen.domains().all()) {
      for (int port : d.evtchns().inUse()) {
        if (d.evtchns().port(port).orElseThrow().pending()) {
          pending.add(d + " port " + port);
        }
      }
    }
    return pending;
  }

  /** Ports the call made pending (Xen sets their bit in the guest's shared info page). */
  private void notePending(Set<String> before) {
    Set<String> now = pendingPorts();
    now.removeAll(before);
    if (!now.isEmpty()) {
      table.note("(event pending: " + String.join(", ", now) + ")");
    }
  }

  private void rawCall(TraceLine.RawCall c) {
    Domain d = domain(c.domain());
    HypercallResult r = xen.memoryOp(d, c.cmd(), c.address());
    int sub = (int) (c.cmd() & XenMem.MEMOP_CMD_MASK);
    table.call(
        c.line(),
        d.toString(),
        XenMem.name(sub).orElse("#" + sub),
        Errno.describe(r.rc()),
        String.format("(raw memory_op) cmd=0x%x arg=0x%x", c.cmd(), c.address()));
    after(c.line(), r, c.expected().isPresent() ? c.expected().getAsLong() : null);
  }

  private void write(String source, TraceLine.Write w) throws TraceException {
    Domain d = domain(w.domain());
    try {
      xen.memory(d).write(w.address(), w.bytes());
    } catch (GuestFault fault) {
      throw new TraceException(
          source, w.line(), d + " cannot write its own memory: " + fault.getMessage());
    }
    table.call(
        w.line(),
        d.toString(),
        "(guest write)",
        "",
        String.format("%d bytes at 0x%x", w.bytes().length, w.address()));
  }

  private void after(int line, HypercallResult r, Long expected) {
    if (r.continuations() > 0) {
      table.note("(preempted " + r.continuations() + "x; the guest re-executed the continuation)");
    }
    if (expected != null && expected != r.rc()) {
      failures++;
      table.note(
          "!! line "
              + line
              + " expected "
              + Errno.describe(expected)
              + ", got "
              + Errno.describe(r.rc()));
    }
    List<String> problems = xen.checkConsistency();
    if (!problems.isEmpty()) {
      failures++;
      problems.forEach(p -> table.note("!! inconsistent after line " + line + ": " + p));
    }
  }

  private Domain domain(int id) {
    return xen.domains().byId(id).orElseThrow();
  }

  /** The ports in use beyond the reserved port 0, with their state. */
  private static String ports(Domain d) {
    StringJoiner out = new StringJoiner(" ", "[", "]");
    for (int port : d.evtchns().inUse()) {
      EventChannels.Channel chn = d.evtchns().port(port).orElseThrow();
      switch (chn.state()) {
        case UNBOUND -> out.add(port + ":unbound(d" + chn.remoteDomid() + ")");
        case INTERDOMAIN -> out.add(port + ":d" + chn.remoteDomid() + "/" + chn.remotePort());
        default -> {
          // port 0, reserved
        }
      }
    }
    return out.toString();
  }

  private void summary() {
    table.line("");
    for (Domain d : xen.domains().all()) {
      table.line(
          String.format(
              "%s: %d of max %d pages, %d gfns mapped, highest gfn 0x%x, event channel ports %s",
              d,
              d.totPages(),
              d.maxPages(),
              d.p2m().size(),
              Math.max(0, d.p2m().maxMappedGfn()),
              ports(d)));
    }
    table.line(
        String.format(
            "machine: %d of %d frames free", xen.frames().freeFrames(), xen.frames().nrFrames()));
  }
}
