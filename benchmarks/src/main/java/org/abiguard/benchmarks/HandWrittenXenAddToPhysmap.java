package org.abiguard.benchmarks;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What one writes without abiguard: {@code struct xen_add_to_physmap} on x86_64 read and written by
 * hand with the same guarantees as the generated marshaller (bounds checked, range checked before
 * the first byte, little endian whatever the buffer's order, position and order unchanged). The
 * baseline of {@link MarshallerBenchmark}.
 */
public final class HandWrittenXenAddToPhysmap {
  /** {@code sizeof(struct xen_add_to_physmap)} on x86_64. */
  public static final int SIZE = 24;

  private HandWrittenXenAddToPhysmap() {}

  /** Reads the struct at {@code offset}. */
  public static XenAddToPhysmap read(ByteBuffer buf, int offset) {
    if (offset < 0 || offset > buf.limit() - SIZE) {
      throw new IndexOutOfBoundsException(
          "xen_add_to_physmap at " + offset + ", limit " + buf.limit());
    }
    boolean little = buf.order() == ByteOrder.LITTLE_ENDIAN;
    short domid = buf.getShort(offset);
    short size = buf.getShort(offset + 2);
    int space = buf.getInt(offset + 4);
    long idx = buf.getLong(offset + 8);
    long gpfn = buf.getLong(offset + 16);
    XenAddToPhysmap value = new XenAddToPhysmap();
    value.domid = (little ? domid : Short.reverseBytes(domid)) & 0xFFFF;
    value.size = (little ? size : Short.reverseBytes(size)) & 0xFFFF;
    value.space = (little ? space : Integer.reverseBytes(space)) & 0xFFFFFFFFL;
    value.idx = little ? idx : Long.reverseBytes(idx);
    value.gpfn = little ? gpfn : Long.reverseBytes(gpfn);
    return value;
  }

  /** Writes the struct at {@code offset}, after checking every member and the bounds. */
  public static void write(XenAddToPhysmap value, ByteBuffer buf, int offset) {
    if (value.domid < 0 || value.domid > 0xFFFF) {
      throw new ArithmeticException("domid " + value.domid + " does not fit u16");
    }
    if (value.size < 0 || value.size > 0xFFFF) {
      throw new ArithmeticException("size " + value.size + " does not fit u16");
    }
    if (value.space < 0 || value.space > 0xFFFFFFFFL) {
      throw new ArithmeticException("space " + value.space + " does not fit u32");
    }
    if (offset < 0 || offset > buf.limit() - SIZE) {
      throw new IndexOutOfBoundsException(
          "xen_add_to_physmap at " + offset + ", limit " + buf.limit());
    }
    boolean little = buf.order() == ByteOrder.LITTLE_ENDIAN;
    short domid = (short) value.domid;
    short size = (short) value.size;
    int space = (int) value.space;
    buf.putShort(offset, little ? domid : Short.reverseBytes(domid));
    buf.putShort(offset + 2, little ? size : Short.reverseBytes(size));
    buf.putInt(offset + 4, little ? space : Integer.reverseBytes(space));
    buf.putLong(offset + 8, little ? value.idx : Long.reverseBytes(value.idx));
    buf.putLong(offset + 16, little ? value.gpfn : Long.reverseBytes(value.gpfn));
  }
}
