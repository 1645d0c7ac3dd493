package org.example.app;

import java.nio.ByteBuffer;
import org.example.hv.HvRequest;
import org.example.hv.HvRequestMarshaller;

/** Uses the imported mirror and the marshaller abiguard generates for it in the same compilation. */
public final class Hypercall {
  private Hypercall() {}

  public static ByteBuffer request(long op) {
    HvRequest r = new HvRequest();
    r.op = op & 0xFFFFFFFFL;
    ByteBuffer buf = ByteBuffer.allocate(HvRequestMarshaller.SIZE);
    HvRequestMarshaller.write(r, buf, 0);
    return buf;
  }
}
