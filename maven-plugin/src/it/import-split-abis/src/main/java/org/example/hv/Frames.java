package org.example.hv;

/** Uses the mirrors of both ABIs' declarations, in the build that generates their marshallers. */
public final class Frames {
  private Frames() {}

  /** {@code sizeof(struct outer)} on x86_64 and on i386. */
  public static int[] sizes() {
    return new int[] {
      org.example.hv.x86_64.OuterMarshaller.SIZE, org.example.hv.i386.OuterMarshaller.SIZE
    };
  }
}
