package org.abiguard;

import java.nio.ByteBuffer;

/**
 * The marshaller of one struct for one target ABI, as returned by a generated {@code
 * FooMarshaller.codec("i386")}.
 *
 * <p>Implementations use absolute access: neither method changes the buffer's position or byte
 * order.
 *
 * @param <T> the Java mirror type
 */
public interface AbiCodec<T> {
  /** {@code sizeof} the struct on this ABI, tail padding included. */
  int size();

  /** {@code _Alignof} the struct on this ABI. */
  int alignment();

  /**
   * Decodes the struct at {@code offset}.
   *
   * @throws IndexOutOfBoundsException if {@code offset} is negative or the struct would end past
   *     the buffer's limit; nothing is read then
   */
  T read(ByteBuffer buf, int offset);

  /**
   * Encodes {@code value} at {@code offset}.
   *
   * @throws AbiRangeException if a member's value does not fit its C width; no byte is written
   * @throws IndexOutOfBoundsException if the struct would not fit in the buffer; no byte is written
   * @throws NullPointerException if {@code value} or a nested struct or array is null
   */
  void write(T value, ByteBuffer buf, int offset);
}
