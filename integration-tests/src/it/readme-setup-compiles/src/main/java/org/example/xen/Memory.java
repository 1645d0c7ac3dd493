package org.example.xen;

import org.abiguard.U32;

/** Xen 4.4's fix: the common helper takes the full unsigned int. */
public final class Memory {
  private Memory() {}

  static int addToPhysmapOne(@DomId int domid, @U32 long space, long idx, long gpfn) {
    return space == 0 ? 0 : -22;
  }

  public static int addToPhysmap(XenAddToPhysmap xatp) {
    return addToPhysmapOne(xatp.domid, xatp.space, xatp.idx, xatp.gpfn);
  }

  public static void main(String[] args) {
    java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(XenAddToPhysmapMarshaller.SIZE);
    XenAddToPhysmap xatp = new XenAddToPhysmap();
    xatp.space = 0x10000;
    XenAddToPhysmapMarshaller.write(xatp, buf, 0);
    System.out.println(addToPhysmap(XenAddToPhysmapMarshaller.read(buf, 0)));
  }
}
