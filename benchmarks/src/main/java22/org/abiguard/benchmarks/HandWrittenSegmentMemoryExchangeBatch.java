package org.abiguard.benchmarks;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.MemoryLayout.PathElement.sequenceElement;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * {@code struct memory_exchange_batch} on x86_64 by hand with Java's foreign memory API: nested
 * {@link StructLayout}s, sequence layouts for the arrays and {@link VarHandle}s by layout path,
 * with the generated marshaller's guarantees (nulls, array lengths and ranges checked before the
 * first byte is written, bounds checked, padding written as zeros).
 */
public final class HandWrittenSegmentMemoryExchangeBatch {
  private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
  /** {@code struct xen_memory_reservation} on x86_64. */
  public static final StructLayout RESERVATION = MemoryLayout.structLayout(
      ValueLayout.JAVA_LONG.withOrder(LE).withName("extent_start"),
      ValueLayout.JAVA_LONG.withOrder(LE).withName("nr_extents"),
      ValueLayout.JAVA_INT.withOrder(LE).withName("extent_order"),
      ValueLayout.JAVA_INT.withOrder(LE).withName("mem_flags"),
      ValueLayout.JAVA_SHORT.withOrder(LE).withName("domid"),
      MemoryLayout.paddingLayout(6))
      .withName("xen_memory_reservation");
  /** {@code struct memory_exchange_batch} on x86_64. */
  public static final StructLayout LAYOUT = MemoryLayout.structLayout(
      RESERVATION.withName("in"),
      RESERVATION.withName("out"),
      ValueLayout.JAVA_LONG.withOrder(LE).withName("nr_exchanged"),
      MemoryLayout.sequenceLayout(16, ValueLayout.JAVA_BYTE).withName("handle"),
      MemoryLayout.sequenceLayout(4, ValueLayout.JAVA_INT.withOrder(LE)).withName("frames"))
      .withName("memory_exchange_batch");
  private static final long OUT = LAYOUT.byteOffset(groupElement("out"));
  private static final long HANDLE = LAYOUT.byteOffset(groupElement("handle"));
  private static final VarHandle EXTENT_START = RESERVATION.varHandle(groupElement("extent_start"));
  private static final VarHandle NR_EXTENTS = RESERVATION.varHandle(groupElement("nr_extents"));
  private static final VarHandle EXTENT_ORDER = RESERVATION.varHandle(groupElement("extent_order"));
  private static final VarHandle MEM_FLAGS = RESERVATION.varHandle(groupElement("mem_flags"));
  private static final VarHandle DOMID = RESERVATION.varHandle(groupElement("domid"));
  private static final VarHandle NR_EXCHANGED = LAYOUT.varHandle(groupElement("nr_exchanged"));
  private static final VarHandle FRAMES = LAYOUT.varHandle(groupElement("frames"), sequenceElement());

  private HandWrittenSegmentMemoryExchangeBatch() {}

  /** Reads the struct at {@code offset}. */
  public static MemoryExchangeBatch read(MemorySegment seg, long offset) {
    checkBounds(seg, offset);
    MemoryExchangeBatch value = new MemoryExchangeBatch();
    value.in = readReservation(seg, offset);
    value.out = readReservation(seg, offset + OUT);
    value.nrExchanged = (long) NR_EXCHANGED.get(seg, offset);
    byte[] handle = new byte[16];
    MemorySegment.copy(seg, ValueLayout.JAVA_BYTE, offset + HANDLE, handle, 0, 16);
    value.handle = handle;
    long[] frames = new long[4];
    for (int i = 0; i < 4; i++) {
      frames[i] = (int) FRAMES.get(seg, offset, (long) i) & 0xFFFFFFFFL;
    }
    value.frames = frames;
    return value;
  }

  private static XenMemoryReservation readReservation(MemorySegment seg, long at) {
    XenMemoryReservation r = new XenMemoryReservation();
    r.extentStart = (long) EXTENT_START.get(seg, at);
    r.nrExtents = (long) NR_EXTENTS.get(seg, at);
    r.extentOrder = (int) EXTENT_ORDER.get(seg, at) & 0xFFFFFFFFL;
    r.memFlags = (int) MEM_FLAGS.get(seg, at) & 0xFFFFFFFFL;
    r.domid = (short) DOMID.get(seg, at) & 0xFFFF;
    return r;
  }

  /** Writes the struct at {@code offset}, after checking every member and the bounds. */
  public static void write(MemoryExchangeBatch value, MemorySegment seg, long offset) {
    Objects.requireNonNull(value, "memory_exchange_batch");
    checkReservation(value.in, "in");
    checkReservation(value.out, "out");
    Objects.requireNonNull(value.handle, "handle");
    if (value.handle.length != 16) {
      throw new IllegalArgumentException("handle has " + value.handle.length + " elements, not 16");
    }
    Objects.requireNonNull(value.frames, "frames");
    if (value.frames.length != 4) {
      throw new IllegalArgumentException("frames has " + value.frames.length + " elements, not 4");
    }
    for (int i = 0; i < 4; i++) {
      if (value.frames[i] < 0 || value.frames[i] > 0xFFFFFFFFL) {
        throw new ArithmeticException("frames[" + i + "] " + value.frames[i] + " does not fit u32");
      }
    }
    checkBounds(seg, offset);
    writeReservation(value.in, seg, offset);
    writeReservation(value.out, seg, offset + OUT);
    NR_EXCHANGED.set(seg, offset, value.nrExchanged);
    MemorySegment.copy(value.handle, 0, seg, ValueLayout.JAVA_BYTE, offset + HANDLE, 16);
    for (int i = 0; i < 4; i++) {
      FRAMES.set(seg, offset, (long) i, (int) value.frames[i]);
    }
  }

  private static void checkReservation(XenMemoryReservation r, String member) {
    Objects.requireNonNull(r, member);
    if (r.extentOrder < 0 || r.extentOrder > 0xFFFFFFFFL) {
      throw new ArithmeticException(member + ".extent_order " + r.extentOrder + " does not fit u32");
    }
    if (r.memFlags < 0 || r.memFlags > 0xFFFFFFFFL) {
      throw new ArithmeticException(member + ".mem_flags " + r.memFlags + " does not fit u32");
    }
    if (r.domid < 0 || r.domid > 0xFFFF) {
      throw new ArithmeticException(member + ".domid " + r.domid + " does not fit u16");
    }
  }

  private static void writeReservation(XenMemoryReservation r, MemorySegment seg, long at) {
    EXTENT_START.set(seg, at, r.extentStart);
    NR_EXTENTS.set(seg, at, r.nrExtents);
    EXTENT_ORDER.set(seg, at, (int) r.extentOrder);
    MEM_FLAGS.set(seg, at, (int) r.memFlags);
    DOMID.set(seg, at, (short) r.domid);
    seg.set(ValueLayout.JAVA_SHORT, at + 26, (short) 0); // padding
    seg.set(ValueLayout.JAVA_INT, at + 28, 0);
  }

  private static void checkBounds(MemorySegment seg, long offset) {
    if (offset < 0 || offset > seg.byteSize() - LAYOUT.byteSize()) {
      throw new IndexOutOfBoundsException("memory_exchange_batch at " + offset + ", segment size " + seg.byteSize());
    }
  }
}
