package org.abiguard.example.xen.cli;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.function.ObjLongConsumer;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.abiguard.AbiCodec;
import org.abiguard.AbiRangeException;
import org.abiguard.example.xen.hv.Domain;
import org.abiguard.example.xen.hv.GuestFault;
import org.abiguard.example.xen.hv.GuestMemory;
import org.abiguard.example.xen.hv.HypercallResult;
import org.abiguard.example.xen.hv.Hypervisor;
import org.abiguard.example.xen.pub.DomIds;
import org.abiguard.example.xen.pub.EvtchnCmd;
import org.abiguard.example.xen.pub.XenE820Entry;
import org.abiguard.example.xen.pub.XenMapSpace;

/**
 * A trace operation whose argument is one struct (a mirror with a generated codec), described by
 * its members and the guest arrays its handles point to.
 *
 * @param <T> the mirror type
 */
final class StructOp<T> implements TraceOp {
  /** How a member's value is written in traces and shown. */
  enum Style {
    DEC,
    HEX,
    DOMID,
    SPACE,
    EVTCHN_STATUS
  }

  /**
   * One integer member.
   *
   * @param key its C name, also the field name in traces
   * @param initial its value when the trace does not give it
   */
  record Member<T>(
      String key, ToLongFunction<T> get, ObjLongConsumer<T> set, Style style, long initial) {}

  /** What a guest array holds. */
  enum Element {
    ULONG,
    INT,
    E820
  }

  /**
   * A guest handle member and the array it points to.
   *
   * @param handle the handle member, whose key also names the array in traces
   * @param count the member that holds the number of elements
   * @param output true if the hypervisor fills the array (the trace reserves room), false if the
   *     guest does (the trace gives a list)
   * @param countAfterCall show as many output elements as {@code count} holds after the call (else
   *     as many as before it)
   */
  record Array<T>(
      Member<T> handle, Member<T> count, Element element, boolean output, boolean countAfterCall) {}

  /** The most elements of an output array a trace reserves room for by itself. */
  static final long MAX_RESERVED_ELEMENTS = 4096;

  private final String name;
  private final int cmd;
  private final Function<String, AbiCodec<T>> codecs;
  private final Supplier<T> factory;
  private final List<Member<T>> members;
  private final List<Array<T>> arrays;
  private final Hypercall hypercall;
  private final Function<T, String> moreResults;

  /** How a struct operation issues its hypercall. */
  interface Hypercall {
    HypercallResult issue(Hypervisor xen, Domain caller, int cmd, long arg);
  }

  /** A {@code memory_op} sub-command. */
  StructOp(
      String name,
      int cmd,
      Function<String, AbiCodec<T>> codecs,
      Supplier<T> factory,
      List<Member<T>> members,
      List<Array<T>> arrays) {
    this(
        name,
        cmd,
        codecs,
        factory,
        members,
        arrays,
        (xen, caller, c, arg) -> xen.memoryOp(caller, c, arg),
        value -> "");
  }

  /**
   * @param hypercall issues the hypercall
   * @param moreResults what the call wrote back beyond the members, from the struct after it (e.g.
   *     a union's member), or ""
   */
  StructOp(
      String name,
      int cmd,
      Function<String, AbiCodec<T>> codecs,
      Supplier<T> factory,
      List<Member<T>> members,
      List<Array<T>> arrays,
      Hypercall hypercall,
      Function<T, String> moreResults) {
    this.name = name;
    this.cmd = cmd;
    this.codecs = codecs;
    this.factory = factory;
    this.members = members;
    this.arrays = arrays;
    this.hypercall = hypercall;
    this.moreResults = moreResults;
  }

  @Override
  public HypercallResult issue(Hypervisor xen, Domain caller, long arg) {
    return hypercall.issue(xen, caller, cmd, arg);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int cmd() {
    return cmd;
  }

  @Override
  public List<String> keys() {
    List<String> keys = new ArrayList<>();
    members.forEach(m -> keys.add(m.key()));
    return keys;
  }

  @Override
  public Prepared prepare(Fields fields, ArgumentArea area) throws TraceException, GuestFault {
    GuestMemory mem = area.memory();
    AbiCodec<T> codec = codecs.apply(mem.domain().abi().id());
    area.struct(codec.size());
    T value = factory.get();
    for (Member<T> m : members) {
      long v = fields.has(m.key()) && !fields.isList(m.key()) ? parse(fields, m) : m.initial();
      try {
        m.set().accept(value, v);
      } catch (ArithmeticException e) {
        throw fields.error(
            m.key() + "=0x" + Long.toHexString(v) + " does not fit " + name + "'s struct");
      }
    }
    for (Array<T> a : arrays) {
      placeArray(fields, area, value, a);
    }
    byte[] bytes = new byte[codec.size()];
    try {
      codec.write(value, ByteBuffer.wrap(bytes), 0);
    } catch (AbiRangeException e) {
      throw fields.error("the argument does not fit " + name + "'s struct: " + e.getMessage());
    }
    mem.write(area.base(), bytes);
    T before = mem.copyFromGuest(codec, area.base());
    String arguments = describe(before, mem);
    return new Prepared(arguments, () -> describeResults(codec, before, mem, area.base()));
  }

  private void placeArray(Fields fields, ArgumentArea area, T value, Array<T> a)
      throws TraceException, GuestFault {
    String key = a.handle().key();
    GuestMemory mem = area.memory();
    if (fields.isList(key)) {
      List<String> items = fields.listItems(key);
      long handle = area.reserve((long) items.size() * elementSize(mem, a.element()));
      for (int i = 0; i < items.size(); i++) {
        writeElement(fields, mem, a.element(), handle, i, items.get(i), key);
      }
      a.handle().set().accept(value, handle);
      if (!fields.has(a.count().key())) {
        a.count().set().accept(value, items.size());
      }
    } else if (!fields.has(key) && a.output()) {
      long count = a.count().get().applyAsLong(value);
      if (count > MAX_RESERVED_ELEMENTS) {
        throw fields.error(
            a.count().key()
                + "="
                + count
                + " asks for more room than a trace reserves ("
                + MAX_RESERVED_ELEMENTS
                + " elements); give "
                + key
                + "=ADDR");
      }
      a.handle().set().accept(value, area.reserve(count * elementSize(mem, a.element())));
    }
  }

  private static int elementSize(GuestMemory mem, Element element) {
    return switch (element) {
      case ULONG -> mem.domain().abi().longBytes();
      case INT -> Integer.BYTES;
      case E820 -> codecOfE820(mem).size();
    };
  }

  private static AbiCodec<XenE820Entry> codecOfE820(GuestMemory mem) {
    return org.abiguard.example.xen.pub.XenE820EntryMarshaller.codec(mem.domain().abi().id());
  }

  private static void writeElement(
      Fields fields, GuestMemory mem, Element element, long handle, int i, String item, String key)
      throws TraceException, GuestFault {
    switch (element) {
      case ULONG -> {
        long v = fields.parseNumber(item, key);
        if (mem.domain().abi().wrapUlong(v) != v) {
          throw fields.error(
              "0x"
                  + Long.toHexString(v)
                  + " in "
                  + key
                  + " does not fit an unsigned long on "
                  + mem.domain().abi());
        }
        mem.writeUlong(handle, i, v);
      }
      case INT -> mem.writeInt(handle, i, (int) fields.parseNumber(item, key));
      case E820 -> {
        String[] parts = item.split(":", -1);
        if (parts.length != 3) {
          throw fields.error("memory map entry '" + item + "' must be addr:size:type");
        }
        XenE820Entry e =
            XenE820Entry.of(
                fields.parseNumber(parts[0], key),
                fields.parseNumber(parts[1], key),
                fields.parseNumber(parts[2], key));
        mem.copyToGuestOffset(codecOfE820(mem), e, handle, i);
      }
    }
  }

  private long parse(Fields fields, Member<T> m) throws TraceException {
    return switch (m.style()) {
      case DOMID -> fields.domid(m.key());
      case SPACE -> fields.space(m.key());
      default -> fields.number(m.key());
    };
  }

  private String describe(T value, GuestMemory mem) {
    StringJoiner out = new StringJoiner(" ");
    for (Member<T> m : members) {
      long v = m.get().applyAsLong(value);
      String shown = m.key() + "=" + format(m.style(), v);
      for (Array<T> a : arrays) {
        if (a.handle() == m && !a.output() && v != 0) {
          shown += " " + readArray(mem, a, v, a.count().get().applyAsLong(value));
        }
      }
      out.add(shown);
    }
    return out.toString();
  }

  private String describeResults(AbiCodec<T> codec, T before, GuestMemory mem, long at) {
    T after;
    try {
      after = mem.copyFromGuest(codec, at);
    } catch (GuestFault fault) {
      return "(the argument is no longer mapped: " + fault.getMessage() + ")";
    }
    StringJoiner out = new StringJoiner(" ");
    for (Member<T> m : members) {
      long was = m.get().applyAsLong(before);
      long now = m.get().applyAsLong(after);
      if (was != now) {
        out.add(m.key() + "=" + format(m.style(), now));
      }
    }
    String more = moreResults.apply(after);
    if (!more.isEmpty()) {
      out.add(more);
    }
    for (Array<T> a : arrays) {
      if (a.output()) {
        T counted = a.countAfterCall() ? after : before;
        long handle = a.handle().get().applyAsLong(before);
        out.add(
            a.handle().key()
                + "="
                + readArray(mem, a, handle, a.count().get().applyAsLong(counted)));
      }
    }
    return out.toString();
  }

  /** Up to 8 elements of a guest array, {@code [a b c ...]}. */
  private static <T> String readArray(GuestMemory mem, Array<T> a, long handle, long count) {
    StringJoiner items = new StringJoiner(" ", "[", "]");
    long shown = Math.min(Math.max(count, 0), 8);
    try {
      for (long i = 0; i < shown; i++) {
        items.add(
            switch (a.element()) {
              case ULONG -> "0x" + Long.toHexString(mem.readUlong(handle, i));
              case INT ->
                  org.abiguard.example.xen.pub.Errno.describe(mem.readInt(handle, i))
                      .replace(" ", "");
              case E820 -> {
                XenE820Entry e = mem.copyFromGuestOffset(codecOfE820(mem), handle, i);
                yield String.format("0x%x+0x%x:%d", e.addr, e.size, e.type);
              }
            });
      }
    } catch (GuestFault fault) {
      items.add("<unmapped>");
    }
    if (count > shown) {
      items.add("...");
    }
    return items.toString();
  }

  static String format(Style style, long v) {
    return switch (style) {
      case DEC -> Long.toUnsignedString(v);
      case HEX -> "0x" + Long.toHexString(v);
      case DOMID -> DomIds.format((int) v);
      case SPACE -> XenMapSpace.name(v).orElse("0x" + Long.toHexString(v));
      case EVTCHN_STATUS ->
          v == 0
              ? "0"
              : EvtchnCmd.statusName(v)
                  .map(n -> "EVTCHNSTAT_" + n)
                  .orElse(Long.toUnsignedString(v));
    };
  }
}
