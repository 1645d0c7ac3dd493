package org.abiguard.benchmarks;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * What one writes without abiguard: {@code struct memory_exchange_batch} (two nested {@code struct
 * xen_memory_reservation}, a {@code uint8_t[16]} and a {@code uint32_t[4]}) on x86_64, read and
 * written by hand with the generated marshaller's guarantees: bounds checked, nulls, array lengths
 * and every member's range checked before the first byte is written, padding written as zeros,
 * little endian whatever the buffer's order, position and order unchanged.
 */
public final class HandWrittenMemoryExchangeBatch {
  /** {@code sizeof(struct memory_exchange_batch)} on x86_64. */
  public static final int SIZE = 104;

  /** {@code sizeof(struct xen_memory_reservation)} on x86_64. */
  static final int RESERVATION_SIZE = 32;

  private HandWrittenMemoryExchangeBatch() {}

  /** Reads the struct at {@code offset}. */
  public static MemoryExchangeBatch read(ByteBuffer buf, int offset) {
    checkBounds(buf, offset);
    boolean little = buf.order() == ByteOrder.LITTLE_ENDIAN;
    MemoryExchangeBatch value = new MemoryExchangeBatch();
    value.in = readReservation(buf, offset, little);
    value.out = readReservation(buf, offset + 32, little);
    long nr = buf.getLong(offset + 64);
    value.nrExchanged = little ? nr : Long.reverseBytes(nr);
    byte[] handle = new byte[16];
    for (int i = 0; i < 16; i++) {
      handle[i] = buf.get(offset + 72 + i);
    }
    value.handle = handle;
    long[] frames = new long[4];
    for (int i = 0; i < 4; i++) {
      int f = buf.getInt(offset + 88 + 4 * i);
      frames[i] = (little ? f : Integer.reverseBytes(f)) & 0xFFFFFFFFL;
    }
    value.frames = frames;
    return value;
  }

  private static XenMemoryReservation readReservation(ByteBuffer buf, int at, boolean little) {
    long start = buf.getLong(at);
    long nr = buf.getLong(at + 8);
    int order = buf.getInt(at + 16);
    int flags = buf.getInt(at + 20);
    short domid = buf.getShort(at + 24);
    XenMemoryReservation r = new XenMemoryReservation();
    r.extentStart = little ? start : Long.reverseBytes(start);
    r.nrExtents = little ? nr : Long.reverseBytes(nr);
    r.extentOrder = (little ? order : Integer.reverseBytes(order)) & 0xFFFFFFFFL;
    r.memFlags = (little ? flags : Integer.reverseBytes(flags)) & 0xFFFFFFFFL;
    r.domid = (little ? domid : Short.reverseBytes(domid)) & 0xFFFF;
    return r;
  }

  /** Writes the struct at {@code offset}, after checking every member and the bounds. */
  public static void write(MemoryExchangeBatch value, ByteBuffer buf, int offset) {
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
    checkBounds(buf, offset);
    boolean little = buf.order() == ByteOrder.LITTLE_ENDIAN;
    writeReservation(value.in, buf, offset, little);
    writeReservation(value.out, buf, offset + 32, little);
    buf.putLong(offset + 64, little ? value.nrExchanged : Long.reverseBytes(value.nrExchanged));
    for (int i = 0; i < 16; i++) {
      buf.put(offset + 72 + i, value.handle[i]);
    }
    for (int i = 0; i < 4; i++) {
      int f = (int) value.frames[i];
      buf.putInt(offset + 88 + 4 * i, little ? f : Integer.reverseBytes(f));
    }
  }

  private static void checkReservation(XenMemoryReservation r, String member) {
    Objects.requireNonNull(r, member);
    if (r.extentOrder < 0 || r.extentOrder > 0xFFFFFFFFL) {
      throw new ArithmeticException(
          member + ".extent_order " + r.extentOrder + " does not fit u32");
    }
    if (r.memFlags < 0 || r.memFlags > 0xFFFFFFFFL) {
      throw new ArithmeticException(member + ".mem_flags " + r.memFlags + " does not fit u32");
    }
    if (r.domid < 0 || r.domid > 0xFFFF) {
      throw new ArithmeticException(member + ".domid " + r.domid + " does not fit u16");
    }
  }

  private static void writeReservation(
      XenMemoryReservation r, ByteBuffer buf, int at, boolean little) {
    int order = (int) r.extentOrder;
    int flags = (int) r.memFlags;
    short domid = (short) r.domid;
    buf.putLong(at, little ? r.extentStart : Long.reverseBytes(r.extentStart));
    buf.putLong(at + 8, little ? r.nrExtents : Long.reverseBytes(r.nrExtents));
    buf.putInt(at + 16, little ? order : Integer.reverseBytes(order));
    buf.putInt(at + 20, little ? flags : Integer.reverseBytes(flags));
    buf.putShort(at + 24, little ? domid : Short.reverseBytes(domid));
    buf.putShort(at + 26, (short) 0); // padding
    buf.putInt(at + 28, 0);
  }

  private static void checkBounds(ByteBuffer buf, int offset) {
    if (offset < 0 || offset > buf.limit() - SIZE) {
      throw new IndexOutOfBoundsException(
          "memory_exchange_batch at " + offset + ", limit " + buf.limit());
    }
  }
}
