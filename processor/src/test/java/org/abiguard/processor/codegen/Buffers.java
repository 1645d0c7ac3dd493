package org.abiguard.processor.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Buffers pre-filled with a marker byte, to see exactly which bytes a marshaller wrote. */
final class Buffers {
  static final byte FILL = (byte) 0x5A;

  private Buffers() {}

  /** A heap buffer of {@code size} marker bytes in {@code order}. */
  static ByteBuffer filled(int size, ByteOrder order) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, FILL);
    return ByteBuffer.wrap(bytes).order(order);
  }

  /** Every byte up to the capacity is still the marker. */
  static void assertUntouched(ByteBuffer buf, String what) {
    ByteBuffer whole = buf.duplicate().clear();
    for (int i = 0; i < whole.capacity(); i++) {
      assertEquals(FILL, whole.get(i), what + ": byte " + i + " was written");
    }
  }

  /** {@code length} bytes from {@code from}, by absolute gets. */
  static byte[] slice(ByteBuffer buf, int from, int length) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      out[i] = buf.get(from + i);
    }
    return out;
  }
}
