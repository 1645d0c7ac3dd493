package org.abiguard.benchmarks;

import org.abiguard.AbiBits;
import org.abiguard.AbiName;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U64;
import org.abiguard.U8;

/** Xen's {@code struct ioreq} ({@code public/hvm/ioreq.h}): the bit-field benchmark's mirror. */
@AbiStruct(name = "ioreq")
public class Ioreq {
  @U64 public long addr;
  @U64 public long data;
  @U32 public long count;
  @U32 public long size;

  @U32
  @AbiName("vp_eport")
  public long vpEport;

  @U16
  @AbiName("_pad0")
  public int pad0;

  @U8
  @AbiBits(4)
  public int state;

  @U8
  @AbiBits(1)
  @AbiName("data_is_ptr")
  public int dataIsPtr;

  @U8
  @AbiBits(1)
  public int dir;

  @U8
  @AbiBits(1)
  public int df;

  @U8
  @AbiBits(value = 1, unnamed = true)
  public int pad1;

  @U8 public int type;
}
