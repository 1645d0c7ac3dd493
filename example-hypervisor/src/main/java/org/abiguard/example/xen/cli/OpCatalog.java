package org.abiguard.example.xen.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ObjLongConsumer;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.abiguard.example.xen.cli.StructOp.Array;
import org.abiguard.example.xen.cli.StructOp.Element;
import org.abiguard.example.xen.cli.StructOp.Member;
import org.abiguard.example.xen.cli.StructOp.Style;
import org.abiguard.example.xen.hv.GuestFault;
import org.abiguard.example.xen.pub.DomIds;
import org.abiguard.example.xen.pub.EvtchnAllocUnbound;
import org.abiguard.example.xen.pub.EvtchnBindInterdomain;
import org.abiguard.example.xen.pub.EvtchnClose;
import org.abiguard.example.xen.pub.EvtchnCmd;
import org.abiguard.example.xen.pub.EvtchnOp;
import org.abiguard.example.xen.pub.EvtchnOpMarshaller;
import org.abiguard.example.xen.pub.EvtchnSend;
import org.abiguard.example.xen.pub.EvtchnStatus;
import org.abiguard.example.xen.pub.XenAddToPhysmap;
import org.abiguard.example.xen.pub.XenAddToPhysmapBatch;
import org.abiguard.example.xen.pub.XenAddToPhysmapBatchMarshaller;
import org.abiguard.example.xen.pub.XenAddToPhysmapMarshaller;
import org.abiguard.example.xen.pub.XenForeignMemoryMap;
import org.abiguard.example.xen.pub.XenForeignMemoryMapMarshaller;
import org.abiguard.example.xen.pub.XenMem;
import org.abiguard.example.xen.pub.XenMemoryExchange;
import org.abiguard.example.xen.pub.XenMemoryExchangeMarshaller;
import org.abiguard.example.xen.pub.XenMemoryMap;
import org.abiguard.example.xen.pub.XenMemoryMapMarshaller;
import org.abiguard.example.xen.pub.XenMemoryReservation;
import org.abiguard.example.xen.pub.XenMemoryReservationMarshaller;
import org.abiguard.example.xen.pub.XenPodTarget;
import org.abiguard.example.xen.pub.XenPodTargetMarshaller;
import org.abiguard.example.xen.pub.XenRemoveFromPhysmap;
import org.abiguard.example.xen.pub.XenRemoveFromPhysmapMarshaller;

/**
 * The named operations a trace can issue, each with its struct's members: the {@code memory_op}
 * sub-commands and the {@code event_channel_op} commands.
 */
final class OpCatalog {
  private final Map<String, TraceOp> ops = new LinkedHashMap<>();

  OpCatalog() {
    for (int cmd :
        List.of(
            XenMem.INCREASE_RESERVATION, XenMem.DECREASE_RESERVATION, XenMem.POPULATE_PHYSMAP)) {
      add(reservation(cmd));
    }
    for (int cmd :
        List.of(XenMem.CURRENT_RESERVATION, XenMem.MAXIMUM_RESERVATION, XenMem.MAXIMUM_GPFN)) {
      add(new DomidOp(cmd));
    }
    add(new DomidOp(XenMem.MAXIMUM_RAM_PAGE));
    add(exchange());
    add(addToPhysmap());
    add(addToPhysmapBatch());
    add(removeFromPhysmap());
    add(memoryMap());
    add(setMemoryMap());
    add(getPodTarget());
    add(allocUnbound());
    add(bindInterdomain());
    add(portOp(EvtchnCmd.SEND));
    add(portOp(EvtchnCmd.CLOSE));
    add(evtchnStatus());
  }

  private void add(TraceOp op) {
    ops.put(op.name(), op);
  }

  Optional<TraceOp> byName(String name) {
    return Optional.ofNullable(ops.get(name));
  }

  List<String> names() {
    return new ArrayList<>(ops.keySet());
  }

  private static String name(int cmd) {
    return XenMem.name(cmd).orElseThrow();
  }

  private static <T> Member<T> member(
      String key, ToLongFunction<T> get, ObjLongConsumer<T> set, Style style) {
    return new Member<>(key, get, set, style, 0);
  }

  private static <T> Member<T> domid(String key, ToLongFunction<T> get, ObjLongConsumer<T> set) {
    return new Member<>(key, get, set, Style.DOMID, DomIds.DOMID_SELF);
  }

  private static TraceOp reservation(int cmd) {
    Member<XenMemoryReservation> start =
        member("extent_start", r -> r.extentStart, (r, v) -> r.extentStart = v, Style.HEX);
    Member<XenMemoryReservation> count =
        member("nr_extents", r -> r.nrExtents, (r, v) -> r.nrExtents = v, Style.DEC);
    return new StructOp<>(
        name(cmd),
        cmd,
        XenMemoryReservationMarshaller::codec,
        XenMemoryReservation::new,
        List.of(
            domid("domid", r -> r.domid, (r, v) -> r.domid = Math.toIntExact(v)),
            count,
            member("extent_order", r -> r.extentOrder, (r, v) -> r.extentOrder = v, Style.DEC),
            member("mem_flags", r -> r.memFlags, (r, v) -> r.memFlags = v, Style.HEX),
            start),
        List.of(new Array<>(start, count, Element.ULONG, false, false)));
  }

  private static TraceOp exchange() {
    Member<XenMemoryExchange> inStart =
        member("in.extent_start", x -> x.in.extentStart, (x, v) -> x.in.extentStart = v, Style.HEX);
    Member<XenMemoryExchange> inCount =
        member("in.nr_extents", x -> x.in.nrExtents, (x, v) -> x.in.nrExtents = v, Style.DEC);
    Member<XenMemoryExchange> outStart =
        member(
            "out.extent_start", x -> x.out.extentStart, (x, v) -> x.out.extentStart = v, Style.HEX);
    Member<XenMemoryExchange> outCount =
        member("out.nr_extents", x -> x.out.nrExtents, (x, v) -> x.out.nrExtents = v, Style.DEC);
    return new StructOp<>(
        name(XenMem.EXCHANGE),
        XenMem.EXCHANGE,
        XenMemoryExchangeMarshaller::codec,
        XenMemoryExchange::new,
        List.of(
            domid("in.domid", x -> x.in.domid, (x, v) -> x.in.domid = Math.toIntExact(v)),
            inCount,
            member(
                "in.extent_order",
                x -> x.in.extentOrder,
                (x, v) -> x.in.extentOrder = v,
                Style.DEC),
            inStart,
            domid("out.domid", x -> x.out.domid, (x, v) -> x.out.domid = Math.toIntExact(v)),
            outCount,
            member(
                "out.extent_order",
                x -> x.out.extentOrder,
                (x, v) -> x.out.extentOrder = v,
                Style.DEC),
            member("out.mem_flags", x -> x.out.memFlags, (x, v) -> x.out.memFlags = v, Style.HEX),
            outStart,
            member("nr_exchanged", x -> x.nrExchanged, (x, v) -> x.nrExchanged = v, Style.DEC)),
        List.of(
            new Array<>(inStart, inCount, Element.ULONG, false, false),
            new Array<>(outStart, outCount, Element.ULONG, false, false)));
  }

  private static TraceOp addToPhysmap() {
    return new StructOp<>(
        name(XenMem.ADD_TO_PHYSMAP),
        XenMem.ADD_TO_PHYSMAP,
        XenAddToPhysmapMarshaller::codec,
        XenAddToPhysmap::new,
        List.of(
            domid("domid", x -> x.domid, (x, v) -> x.domid = Math.toIntExact(v)),
            member("size", x -> x.size, (x, v) -> x.size = Math.toIntExact(v), Style.DEC),
            member("space", x -> x.space, (x, v) -> x.space = v, Style.SPACE),
            member("idx", x -> x.idx, (x, v) -> x.idx = v, Style.HEX),
            member("gpfn", x -> x.gpfn, (x, v) -> x.gpfn = v, Style.HEX)),
        List.of());
  }

  private static TraceOp addToPhysmapBatch() {
    Member<XenAddToPhysmapBatch> size =
        member("size", x -> x.size, (x, v) -> x.size = Math.toIntExact(v), Style.DEC);
    Member<XenAddToPhysmapBatch> idxs =
        member("idxs", x -> x.idxs, (x, v) -> x.idxs = v, Style.HEX);
    Member<XenAddToPhysmapBatch> gpfns =
        member("gpfns", x -> x.gpfns, (x, v) -> x.gpfns = v, Style.HEX);
    Member<XenAddToPhysmapBatch> errs =
        member("errs", x -> x.errs, (x, v) -> x.errs = v, Style.HEX);
    return new StructOp<>(
        name(XenMem.ADD_TO_PHYSMAP_BATCH),
        XenMem.ADD_TO_PHYSMAP_BATCH,
        XenAddToPhysmapBatchMarshaller::codec,
        XenAddToPhysmapBatch::new,
        List.of(
            domid("domid", x -> x.domid, (x, v) -> x.domid = Math.toIntExact(v)),
            member("space", x -> x.space, (x, v) -> x.space = Math.toIntExact(v), Style.SPACE),
            size,
            new Member<>(
                "foreign_domid",
                x -> x.foreignDomid,
                (x, v) -> x.foreignDomid = Math.toIntExact(v),
                Style.DOMID,
                DomIds.DOMID_INVALID),
            idxs,
            gpfns,
            errs),
        List.of(
            new Array<>(idxs, size, Element.ULONG, false, false),
            new Array<>(gpfns, size, Element.ULONG, false, false),
            new Array<>(errs, size, Element.INT, true, false)));
  }

  private static TraceOp removeFromPhysmap() {
    return new StructOp<>(
        name(XenMem.REMOVE_FROM_PHYSMAP),
        XenMem.REMOVE_FROM_PHYSMAP,
        XenRemoveFromPhysmapMarshaller::codec,
        XenRemoveFromPhysmap::new,
        List.of(
            domid("domid", x -> x.domid, (x, v) -> x.domid = Math.toIntExact(v)),
            member("gpfn", x -> x.gpfn, (x, v) -> x.gpfn = v, Style.HEX)),
        List.of());
  }

  private static TraceOp memoryMap() {
    Member<XenMemoryMap> count =
        member("nr_entries", x -> x.nrEntries, (x, v) -> x.nrEntries = v, Style.DEC);
    Member<XenMemoryMap> buffer =
        member("buffer", x -> x.buffer, (x, v) -> x.buffer = v, Style.HEX);
    return new StructOp<>(
        name(XenMem.MEMORY_MAP),
        XenMem.MEMORY_MAP,
        XenMemoryMapMarshaller::codec,
        XenMemoryMap::new,
        List.of(count, buffer),
        List.of(new Array<>(buffer, count, Element.E820, true, true)));
  }

  private static TraceOp setMemoryMap() {
    Member<XenForeignMemoryMap> count =
        member("nr_entries", x -> x.map.nrEntries, (x, v) -> x.map.nrEntries = v, Style.DEC);
    Member<XenForeignMemoryMap> buffer =
        member("buffer", x -> x.map.buffer, (x, v) -> x.map.buffer = v, Style.HEX);
    return new StructOp<>(
        name(XenMem.SET_MEMORY_MAP),
        XenMem.SET_MEMORY_MAP,
        XenForeignMemoryMapMarshaller::codec,
        XenForeignMemoryMap::new,
        List.of(
            domid("domid", x -> x.domid, (x, v) -> x.domid = Math.toIntExact(v)), count, buffer),
        List.of(new Array<>(buffer, count, Element.E820, false, false)));
  }

  private static TraceOp getPodTarget() {
    return new StructOp<>(
        name(XenMem.GET_POD_TARGET),
        XenMem.GET_POD_TARGET,
        XenPodTargetMarshaller::codec,
        XenPodTarget::new,
        List.of(
            domid("domid", x -> x.domid, (x, v) -> x.domid = Math.toIntExact(v)),
            member("target_pages", x -> x.targetPages, (x, v) -> x.targetPages = v, Style.DEC),
            member("tot_pages", x -> x.totPages, (x, v) -> x.totPages = v, Style.DEC),
            member(
                "pod_cache_pages", x -> x.podCachePages, (x, v) -> x.podCachePages = v, Style.DEC),
            member("pod_entries", x -> x.podEntries, (x, v) -> x.podEntries = v, Style.DEC)),
        List.of());
  }

  /**
   * An {@code event_channel_op} command: the argument is a whole {@code struct evtchn_op} whose
   * {@code cmd} is the command and whose union has the one member the command uses set.
   */
  private static TraceOp evtchnOp(
      int cmd,
      Supplier<EvtchnOp> factory,
      List<Member<EvtchnOp>> members,
      Function<EvtchnOp, String> moreResults) {
    Supplier<EvtchnOp> op =
        () -> {
          EvtchnOp value = factory.get();
          value.cmd = cmd;
          return value;
        };
    return new StructOp<>(
        EvtchnCmd.name(cmd).orElseThrow(),
        cmd,
        EvtchnOpMarshaller::codec,
        op,
        members,
        List.of(),
        (xen, caller, c, arg) -> xen.eventChannelOp(caller, arg),
        moreResults);
  }

  private static TraceOp allocUnbound() {
    return evtchnOp(
        EvtchnCmd.ALLOC_UNBOUND,
        () -> {
          EvtchnOp op = new EvtchnOp();
          op.u.allocUnbound = new EvtchnAllocUnbound();
          return op;
        },
        List.of(
            domid(
                "dom",
                x -> x.u.allocUnbound.dom,
                (x, v) -> x.u.allocUnbound.dom = Math.toIntExact(v)),
            domid(
                "remote_dom",
                x -> x.u.allocUnbound.remoteDom,
                (x, v) -> x.u.allocUnbound.remoteDom = Math.toIntExact(v)),
            member(
                "port",
                x -> x.u.allocUnbound.port,
                (x, v) -> x.u.allocUnbound.port = v,
                Style.DEC)),
        x -> "");
  }

  private static TraceOp bindInterdomain() {
    return evtchnOp(
        EvtchnCmd.BIND_INTERDOMAIN,
        () -> {
          EvtchnOp op = new EvtchnOp();
          op.u.bindInterdomain = new EvtchnBindInterdomain();
          return op;
        },
        List.of(
            domid(
                "remote_dom",
                x -> x.u.bindInterdomain.remoteDom,
                (x, v) -> x.u.bindInterdomain.remoteDom = Math.toIntExact(v)),
            member(
                "remote_port",
                x -> x.u.bindInterdomain.remotePort,
                (x, v) -> x.u.bindInterdomain.remotePort = v,
                Style.DEC),
            member(
                "local_port",
                x -> x.u.bindInterdomain.localPort,
                (x, v) -> x.u.bindInterdomain.localPort = v,
                Style.DEC)),
        x -> "");
  }

  /** {@code send} and {@code close}: a port. */
  private static TraceOp portOp(int cmd) {
    boolean send = cmd == EvtchnCmd.SEND;
    return evtchnOp(
        cmd,
        () -> {
          EvtchnOp op = new EvtchnOp();
          if (send) {
            op.u.send = new EvtchnSend();
          } else {
            op.u.close = new EvtchnClose();
          }
          return op;
        },
        List.of(
            send
                ? member("port", x -> x.u.send.port, (x, v) -> x.u.send.port = v, Style.DEC)
                : member("port", x -> x.u.close.port, (x, v) -> x.u.close.port = v, Style.DEC)),
        x -> "");
  }

  private static TraceOp evtchnStatus() {
    return evtchnOp(
        EvtchnCmd.STATUS,
        () -> {
          EvtchnOp op = new EvtchnOp();
          op.u.status = new EvtchnStatus();
          return op;
        },
        List.of(
            domid("dom", x -> x.u.status.dom, (x, v) -> x.u.status.dom = Math.toIntExact(v)),
            member("port", x -> x.u.status.port, (x, v) -> x.u.status.port = v, Style.DEC),
            member(
                "status",
                x -> x.u.status.status,
                (x, v) -> x.u.status.status = v,
                Style.EVTCHN_STATUS),
            member("vcpu", x -> x.u.status.vcpu, (x, v) -> x.u.status.vcpu = v, Style.DEC)),
        OpCatalog::statusUnion);
  }

  /** The member of {@code evtchn_status.u} that the status written back selects. */
  private static String statusUnion(EvtchnOp after) {
    EvtchnStatus s = after.u.status;
    if (s.status == EvtchnCmd.STAT_UNBOUND) {
      return "u.unbound.dom=" + DomIds.format(s.u.unbound.dom);
    }
    if (s.status == EvtchnCmd.STAT_INTERDOMAIN) {
      return "u.interdomain.dom="
          + DomIds.format(s.u.interdomain.dom)
          + " u.interdomain.port="
          + s.u.interdomain.port;
    }
    return "";
  }

  /**
   * The operations whose argument is a pointer to a {@code domid_t}, and {@code maximum_ram_page},
   * which has none.
   */
  private static final class DomidOp implements TraceOp {
    private final int cmd;

    DomidOp(int cmd) {
      this.cmd = cmd;
    }

    @Override
    public String name() {
      return OpCatalog.name(cmd);
    }

    @Override
    public int cmd() {
      return cmd;
    }

    @Override
    public List<String> keys() {
      return cmd == XenMem.MAXIMUM_RAM_PAGE ? List.of() : List.of("domid");
    }

    @Override
    public Prepared prepare(Fields fields, ArgumentArea area) throws TraceException, GuestFault {
      if (cmd == XenMem.MAXIMUM_RAM_PAGE) {
        return new Prepared("", () -> "");
      }
      area.struct(2);
      long domid = fields.has("domid") ? fields.domid("domid") : DomIds.DOMID_SELF;
      if (domid > 0xFFFF) {
        throw fields.error("domid=0x" + Long.toHexString(domid) + " does not fit a domid_t (u16)");
      }
      area.memory().write(area.base(), new byte[] {(byte) domid, (byte) (domid >>> 8)});
      return new Prepared("domid=" + DomIds.format(area.memory().readU16(area.base())), () -> "");
    }
  }
}
