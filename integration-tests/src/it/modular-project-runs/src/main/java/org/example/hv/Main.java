package org.example.hv;

import java.nio.ByteBuffer;
import org.abiguard.AbiCodec;
import org.abiguard.U32;

/** Writes a struct, reads it back directly and through its codec, on the module path. */
public final class Main {
  private Main() {}

  static long space(@U32 long space) {
    return space;
  }

  public static void main(String[] args) {
    XenAddToPhysmap xatp = new XenAddToPhysmap();
    xatp.domid = 7;
    xatp.space = 0x10000;
    xatp.gpfn = 0x1234;
    ByteBuffer buf = ByteBuffer.allocate(XenAddToPhysmapMarshaller.SIZE);
    XenAddToPhysmapMarshaller.write(xatp, buf, 0);
    XenAddToPhysmap back = XenAddToPhysmapMarshaller.read(buf, 0);
    AbiCodec<XenAddToPhysmap> codec = XenAddToPhysmapMarshaller.codec("x86_64");
    System.out.println(
        "module "
            + Main.class.getModule().getName()
            + ": size "
            + codec.size()
            + ", space 0x"
            + Long.toHexString(space(back.space))
            + ", gpfn 0x"
            + Long.toHexString(codec.read(buf, 0).gpfn));
  }
}
