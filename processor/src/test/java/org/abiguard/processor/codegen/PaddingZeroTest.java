package org.abiguard.processor.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.abiguard.AbiRuntime;
import org.junit.jupiter.api.Test;

/**
 * {@code AbiRuntime.zero}, which generated {@code write}s call for padding, writes zero to exactly
 * the bytes it is given, eight, four, two and one at a time, in a buffer of either byte order, and
 * leaves the buffer's position and order alone.
 */
class PaddingZeroTest {
  @Test
  void zeroesExactlyTheGivenBytes() {
    for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
      for (int index = 0; index < 9; index++) {
        for (int count = 0; count <= 21; count++) {
          ByteBuffer buf = ByteBuffer.allocate(40).order(order);
          for (int i = 0; i < buf.capacity(); i++) {
            buf.put(i, (byte) 0xA5);
          }
          buf.position(3);
          AbiRuntime.zero(buf, index, count);
          for (int i = 0; i < buf.capacity(); i++) {
            boolean zeroed = i >= index && i < index + count;
            assertEquals(
                zeroed ? 0 : (byte) 0xA5,
                buf.get(i),
                "byte " + i + " after zero(" + index + ", " + count + ") in " + order);
          }
          assertEquals(3, buf.position());
          assertEquals(order, buf.order());
        }
      }
    }
  }
}
