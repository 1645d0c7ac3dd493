package org.abiguard.processor.testing;

import java.nio.ByteBuffer;

/**
 * A compiled marshaller's {@code ByteBuffer} {@code read} and {@code write}, called by reflection
 * as tests of generated sources must; an ABI class finds the methods it inherits too. What the
 * marshaller throws comes out as the {@code InvocationTargetException}'s cause.
 */
public final class BufferCalls {
  private BufferCalls() {}

  /** {@code marshaller.write(value, buf, offset)}. */
  public static void write(Class<?> marshaller, Object value, ByteBuffer buf, int offset)
      throws ReflectiveOperationException {
    marshaller
        .getMethod("write", value.getClass(), ByteBuffer.class, int.class)
        .invoke(null, value, buf, offset);
  }

  /** {@code marshaller.read(buf, offset)}. */
  public static Object read(Class<?> marshaller, ByteBuffer buf, int offset)
      throws ReflectiveOperationException {
    return marshaller.getMethod("read", ByteBuffer.class, int.class).invoke(null, buf, offset);
  }
}
