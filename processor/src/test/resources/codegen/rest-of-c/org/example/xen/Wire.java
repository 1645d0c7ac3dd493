package org.example.xen;

import org.abiguard.AbiBits;
import org.abiguard.AbiFlexible;
import org.abiguard.AbiStruct;
import org.abiguard.Endian;
import org.abiguard.S16;
import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U64;

/** Packed, big-endian bit-field, record and flexible-array mirrors. */
public final class Wire {
  private Wire() {}

  /** The e820 entry of the BIOS memory map: packed, 20 bytes. */
  @AbiStruct(name = "e820entry", pack = 1)
  public static class E820Entry {
    @U64 public long addr;
    @U64 public long size;
    @U32 public long type;
  }

  /** A big-endian header with bit-fields, as a record. */
  @AbiStruct(name = "be_hdr", order = Endian.BIG)
  public record BeHdr(@U16 @AbiBits(4) int version, @U16 @AbiBits(12) int length, @S16 @AbiBits(5) int delta,
      @U16 @AbiBits(0) int unit, @U32 long id) {}

  /** A counted flexible array. */
  @AbiStruct(name = "blob")
  public static class Blob {
    @U32 public long nr;
    @AbiFlexible(count = "nr") @U32 public long[] entries;
  }

  /** A flexible array the caller counts. */
  @AbiStruct(name = "tail")
  public static class Tail {
    @U16 public int kind;
    @AbiFlexible @U64 public long[] words;
  }
}
