package org.example.hv;

import org.abiguard.AbiStruct;
import org.abiguard.NativeLong;
import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U8;

/** C: struct hv_request in hv.h. */
@AbiStruct(name = "hv_request")
public class HvRequest {
  @U16 public int domid;
  @U16 public int flags;
  @U32 public long op;
  @NativeLong public long arg;
  @U8 public int kind;
}
