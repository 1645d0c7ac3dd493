package org.abiguard.example.xen.cli;

import org.abiguard.example.xen.hv.GuestFault;
import org.abiguard.example.xen.hv.GuestMemory;

/**
 * Where a trace call puts its argument in the calling guest's memory: the struct at the base
 * address, the arrays it points to after it, each 8-aligned.
 */
final class ArgumentArea {
  private final GuestMemory memory;
  private final long base;
  private long next;

  ArgumentArea(GuestMemory memory, long base) {
    this.memory = memory;
    this.base = base;
    this.next = base;
  }

  /** Claims the first {@code size} bytes for the struct; arrays go after it. */
  long struct(int size) {
    next = align(base + size);
    return base;
  }

  GuestMemory memory() {
    return memory;
  }

  /** The struct's address. */
  long base() {
    return base;
  }

  /** Room for {@code bytes} bytes after what is placed already, zero-filled. */
  long reserve(long bytes) throws GuestFault {
    long at = next;
    if (bytes > 0) {
      memory.write(at, new byte[Math.toIntExact(bytes)]);
    }
    next = align(at + bytes);
    return at;
  }

  private static long align(long address) {
    return (address + 7) & ~7L;
  }
}
