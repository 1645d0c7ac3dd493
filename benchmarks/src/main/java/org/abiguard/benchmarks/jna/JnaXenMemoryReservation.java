package org.abiguard.benchmarks.jna;

import com.sun.jna.Structure;

/** {@code struct xen_memory_reservation} as a JNA {@link Structure}, nested by value. */
@Structure.FieldOrder({"extentStart", "nrExtents", "extentOrder", "memFlags", "domid"})
public class JnaXenMemoryReservation extends Structure {
  public long extentStart;
  public long nrExtents;
  public int extentOrder;
  public int memFlags;
  public short domid;
}
