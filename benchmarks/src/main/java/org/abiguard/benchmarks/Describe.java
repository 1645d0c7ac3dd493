package org.abiguard.benchmarks;

import java.util.Arrays;

/** Text of the speed table's values, to compare what the contenders read. */
final class Describe {
  private Describe() {}

  static String of(XenAddToPhysmap v) {
    return "{domid="
        + v.domid
        + ", size="
        + v.size
        + ", space="
        + v.space
        + ", idx="
        + v.idx
        + ", gpfn="
        + v.gpfn
        + "}";
  }

  static String of(XenMemoryReservation r) {
    return "{extent_start="
        + r.extentStart
        + ", nr_extents="
        + r.nrExtents
        + ", extent_order="
        + r.extentOrder
        + ", mem_flags="
        + r.memFlags
        + ", domid="
        + r.domid
        + "}";
  }

  static String of(MemoryExchangeBatch v) {
    return "{in="
        + of(v.in)
        + ", out="
        + of(v.out)
        + ", nr_exchanged="
        + v.nrExchanged
        + ", handle="
        + Arrays.toString(v.handle)
        + ", frames="
        + Arrays.toString(v.frames)
        + "}";
  }
}
