package org.abiguard.benchmarks;

import org.abiguard.benchmarks.sbe.MemoryExchangeBatchDecoder;
import org.abiguard.benchmarks.sbe.MemoryExchangeBatchEncoder;
import org.abiguard.benchmarks.sbe.XenAddToPhysmapDecoder;
import org.abiguard.benchmarks.sbe.XenAddToPhysmapEncoder;
import org.abiguard.benchmarks.sbe.XenMemoryReservationDecoder;
import org.abiguard.benchmarks.sbe.XenMemoryReservationEncoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The SBE contender: the flyweights SbeTool generates from {@code src/main/sbe/structs.xml}, used
 * the way SBE is used, one encoder and one decoder per thread, wrapped at the struct's offset
 * without SBE's message header. It reads into and writes from the same Java objects as abiguard's
 * marshallers, member by member. SBE checks no value range (a setter casts), checks array indexes,
 * and checks buffer bounds on each access through Agrona's {@code UnsafeBuffer}.
 */
public final class SbeCodecs {
  private static final byte[] RESERVATION_PADDING = new byte[6];

  private final XenAddToPhysmapEncoder physmapEncoder = new XenAddToPhysmapEncoder();
  private final XenAddToPhysmapDecoder physmapDecoder = new XenAddToPhysmapDecoder();
  private final MemoryExchangeBatchEncoder batchEncoder = new MemoryExchangeBatchEncoder();
  private final MemoryExchangeBatchDecoder batchDecoder = new MemoryExchangeBatchDecoder();

  /** Reads {@code struct xen_add_to_physmap} at {@code offset}. */
  public XenAddToPhysmap readPhysmap(DirectBuffer buffer, int offset) {
    XenAddToPhysmapDecoder d =
        physmapDecoder.wrap(
            buffer,
            offset,
            XenAddToPhysmapDecoder.BLOCK_LENGTH,
            XenAddToPhysmapDecoder.SCHEMA_VERSION);
    XenAddToPhysmap value = new XenAddToPhysmap();
    value.domid = d.domid();
    value.size = d.size();
    value.space = d.space();
    value.idx = d.idx();
    value.gpfn = d.gpfn();
    return value;
  }

  /** Writes {@code struct xen_add_to_physmap} at {@code offset}. */
  public void writePhysmap(XenAddToPhysmap value, MutableDirectBuffer buffer, int offset) {
    physmapEncoder
        .wrap(buffer, offset)
        .domid(value.domid)
        .size(value.size)
        .space(value.space)
        .idx(value.idx)
        .gpfn(value.gpfn);
  }

  /** Reads {@code struct memory_exchange_batch} at {@code offset}. */
  public MemoryExchangeBatch readBatch(DirectBuffer buffer, int offset) {
    MemoryExchangeBatchDecoder d =
        batchDecoder.wrap(
            buffer,
            offset,
            MemoryExchangeBatchDecoder.BLOCK_LENGTH,
            MemoryExchangeBatchDecoder.SCHEMA_VERSION);
    MemoryExchangeBatch value = new MemoryExchangeBatch();
    value.in = reservation(d.reservationIn());
    value.out = reservation(d.reservationOut());
    value.nrExchanged = d.nrExchanged();
    byte[] handle = new byte[16];
    d.getHandle(handle, 0, 16);
    value.handle = handle;
    long[] frames = new long[4];
    for (int i = 0; i < 4; i++) {
      frames[i] = d.frames(i);
    }
    value.frames = frames;
    return value;
  }

  private static XenMemoryReservation reservation(XenMemoryReservationDecoder d) {
    XenMemoryReservation r = new XenMemoryReservation();
    r.extentStart = d.extentStart();
    r.nrExtents = d.nrExtents();
    r.extentOrder = d.extentOrder();
    r.memFlags = d.memFlags();
    r.domid = d.domid();
    return r;
  }

  /** Writes {@code struct memory_exchange_batch} at {@code offset}, padding as zeros. */
  public void writeBatch(MemoryExchangeBatch value, MutableDirectBuffer buffer, int offset) {
    MemoryExchangeBatchEncoder e = batchEncoder.wrap(buffer, offset);
    reservation(value.in, e.reservationIn());
    reservation(value.out, e.reservationOut());
    e.nrExchanged(value.nrExchanged);
    e.putHandle(value.handle, 0, 16);
    long[] frames = value.frames;
    e.putFrames(frames[0], frames[1], frames[2], frames[3]);
  }

  private static void reservation(XenMemoryReservation r, XenMemoryReservationEncoder e) {
    e.extentStart(r.extentStart)
        .nrExtents(r.nrExtents)
        .extentOrder(r.extentOrder)
        .memFlags(r.memFlags)
        .domid(r.domid)
        .putPadding(RESERVATION_PADDING, 0, 6);
  }
}
