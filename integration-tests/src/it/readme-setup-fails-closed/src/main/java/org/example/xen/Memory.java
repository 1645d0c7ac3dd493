package org.example.xen;

import org.abiguard.U16;

/** Xen 4.4-rc2's shape: the common helper narrowed space to uint16_t. */
public final class Memory {
  private Memory() {}

  static int addToPhysmapOne(@DomId int domid, @U16 int space, long idx, long gpfn) {
    return space == 0 ? 0 : -22;
  }

  public static int addToPhysmap(XenAddToPhysmap xatp) {
    return addToPhysmapOne(xatp.domid, (int) xatp.space, xatp.idx, xatp.gpfn);
  }
}
