package org.abiguard;

/**
 * The byte order of a struct's integer members in memory.
 *
 * <p>x86 and most aarch64 systems are little-endian; network protocols and some firmware interfaces
 * are big-endian. The generated marshaller always reads and writes in the struct's order, whatever
 * order the {@link java.nio.ByteBuffer} it is handed is set to.
 */
public enum Endian {
  /** Least significant byte first (x86, little-endian aarch64). */
  LITTLE,
  /** Most significant byte first ("network byte order"). */
  BIG
}
