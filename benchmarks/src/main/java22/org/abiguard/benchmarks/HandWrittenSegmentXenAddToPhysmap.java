package org.abiguard.benchmarks;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * What one writes by hand with Java's foreign memory API, the way jextract's bindings do it: a
 * {@link StructLayout} of {@code struct xen_add_to_physmap} on x86_64 and a {@link VarHandle}
 * per member, with the generated marshaller's guarantees (bounds checked before the first byte,
 * every member range-checked before the first byte is written, little endian).
 */
public final class HandWrittenSegmentXenAddToPhysmap {
  static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
  /** {@code struct xen_add_to_physmap} on x86_64. */
  public static final StructLayout LAYOUT = MemoryLayout.structLayout(
      ValueLayout.JAVA_SHORT.withOrder(LE).withName("domid"),
      ValueLayout.JAVA_SHORT.withOrder(LE).withName("size"),
      ValueLayout.JAVA_INT.withOrder(LE).withName("space"),
      ValueLayout.JAVA_LONG.withOrder(LE).withName("idx"),
      ValueLayout.JAVA_LONG.withOrder(LE).withName("gpfn"))
      .withName("xen_add_to_physmap");
  private static final VarHandle DOMID = LAYOUT.varHandle(groupElement("domid"));
  private static final VarHandle SIZE = LAYOUT.varHandle(groupElement("size"));
  private static final VarHandle SPACE = LAYOUT.varHandle(groupElement("space"));
  private static final VarHandle IDX = LAYOUT.varHandle(groupElement("idx"));
  private static final VarHandle GPFN = LAYOUT.varHandle(groupElement("gpfn"));

  private HandWrittenSegmentXenAddToPhysmap() {}

  /** Reads the struct at {@code offset}. */
  public static XenAddToPhysmap read(MemorySegment seg, long offset) {
    checkBounds(seg, offset);
    XenAddToPhysmap value = new XenAddToPhysmap();
    value.domid = (short) DOMID.get(seg, offset) & 0xFFFF;
    value.size = (short) SIZE.get(seg, offset) & 0xFFFF;
    value.space = (int) SPACE.get(seg, offset) & 0xFFFFFFFFL;
    value.idx = (long) IDX.get(seg, offset);
    value.gpfn = (long) GPFN.get(seg, offset);
    return value;
  }

  /** Writes the struct at {@code offset}, after checking every member and the bounds. */
  public static void write(XenAddToPhysmap value, MemorySegment seg, long offset) {
    if (value.domid < 0 || value.domid > 0xFFFF) {
      throw new ArithmeticException("domid " + value.domid + " does not fit u16");
    }
    if (value.size < 0 || value.size > 0xFFFF) {
      throw new ArithmeticException("size " + value.size + " does not fit u16");
    }
    if (value.space < 0 || value.space > 0xFFFFFFFFL) {
      throw new ArithmeticException("space " + value.space + " does not fit u32");
    }
    checkBounds(seg, offset);
    DOMID.set(seg, offset, (short) value.domid);
    SIZE.set(seg, offset, (short) value.size);
    SPACE.set(seg, offset, (int) value.space);
    IDX.set(seg, offset, value.idx);
    GPFN.set(seg, offset, value.gpfn);
  }

  private static void checkBounds(MemorySegment seg, long offset) {
    if (offset < 0 || offset > seg.byteSize() - LAYOUT.byteSize()) {
      throw new IndexOutOfBoundsException("xen_add_to_physmap at " + offset + ", segment size " + seg.byteSize());
    }
  }
}
