package org.abiguard.processor.codegen;

import org.abiguard.processor.layout.FieldLayout;
import org.abiguard.processor.model.Order;

/**
 * Where the marshaller reads and writes one bit-field: a window of 1, 2, 4 or 8 bytes inside the
 * type that holds all of the bit-field's bits, accessed as one integer in the type's byte order.
 * The window is the bit-field's storage unit where that lies inside the type (always, without
 * packing), else the smallest window around its bits; a bit-field that no such window holds (a
 * 57..64-bit field at an odd bit under {@code pack = 1}: 9 bytes) has none and is moved byte by
 * byte.
 *
 * @param start the window's first byte from the start of the type
 * @param bytes the window's width: 1, 2, 4 or 8; 0 when no window holds the bit-field
 * @param shift how far the bit-field's lowest bit lies from the window value's lowest bit
 * @param bits the bit-field's width
 */
record BitWindow(int start, int bytes, int shift, int bits) {

  /** The window of a bit-field of a type of {@code typeSize} bytes and byte order {@code order}. */
  static BitWindow of(FieldLayout field, int typeSize, Order order) {
    long first = field.bitOffset();
    int n = field.bitSize();
    long end = first + n; // one past the last bit
    int unitStart = field.offset();
    int unitBytes = field.size();
    if (fits(unitStart, unitBytes, first, end, typeSize)) {
      return at(unitStart, unitBytes, first, n, order);
    }
    int firstByte = (int) (first >>> 3);
    for (int w : new int[] {1, 2, 4, 8}) {
      if (fits(firstByte, w, first, end, typeSize)) {
        return at(firstByte, w, first, n, order);
      }
      int lastByte = (int) ((end - 1) >>> 3);
      int from = lastByte - w + 1;
      if (from >= 0 && fits(from, w, first, end, typeSize)) {
        return at(from, w, first, n, order);
      }
    }
    return new BitWindow(firstByte, 0, (int) (first & 7), n);
  }

  private static boolean fits(long start, int bytes, long first, long end, int typeSize) {
    return start >= 0
        && start * 8 <= first
        && end <= (start + bytes) * 8
        && start + bytes <= typeSize;
  }

  private static BitWindow at(int start, int bytes, long first, int n, Order order) {
    int fromStart = (int) (first - 8L * start);
    int shift = order == Order.LITTLE ? fromStart : 8 * bytes - fromStart - n;
    return new BitWindow(start, bytes, shift, n);
  }

  /** Whether a window of 1, 2, 4 or 8 bytes holds the bit-field. */
  boolean hasWindow() {
    return bytes != 0;
  }

  /** The bit-field's mask at bit 0, as a hexadecimal {@code long} literal. */
  String maskLiteral() {
    long mask = bits == 64 ? -1L : (1L << bits) - 1;
    return "0x" + Long.toHexString(mask).toUpperCase(java.util.Locale.ROOT) + "L";
  }
}
