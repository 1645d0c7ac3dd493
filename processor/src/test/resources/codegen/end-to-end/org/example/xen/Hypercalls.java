package org.example.xen;

import org.abiguard.AbiArray;
import org.abiguard.AbiStruct;
import org.abiguard.Endian;
import org.abiguard.S16;
import org.abiguard.U8;

/** Nested Java types: their marshallers are Hypercalls_BatchMarshaller and Hypercalls_ReplyMarshaller. */
public final class Hypercalls {
  private Hypercalls() {}

  /** A big-endian batch of add-to-physmap operations. */
  @AbiStruct(name = "batch", order = Endian.BIG)
  public static class Batch {
    @U8 public int count;
    @AbiArray(2) public XenAddToPhysmap[] ops;
    @AbiArray(3) @DomId public char[] owners;
  }

  /** A record with a signed member and a nested record. */
  @AbiStruct(name = "reply")
  public record Reply(@S16 short status, XenMemoryReservation reservation) {}
}
