package org.abiguard.benchmarks.jna;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * {@code struct xen_add_to_physmap} as a JNA {@link Structure} on x86_64 (JNA lays it out with the
 * platform's C rules; {@code unsigned long} is a Java {@code long} here, as on any LP64 platform).
 * JNA has no unsigned types and checks no range: {@code write()} truncates.
 */
@Structure.FieldOrder({"domid", "size", "space", "idx", "gpfn"})
public class JnaXenAddToPhysmap extends Structure {
  public short domid;
  public short size;
  public int space;
  public long idx;
  public long gpfn;

  /** A structure backed by the native memory at {@code memory}. */
  public JnaXenAddToPhysmap(Pointer memory) {
    super(memory);
  }
}
