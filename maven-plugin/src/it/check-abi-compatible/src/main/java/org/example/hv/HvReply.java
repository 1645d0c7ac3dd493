package org.example.hv;

import org.abiguard.AbiStruct;
import org.abiguard.S32;

/** C: struct hv_reply, new in 1.1. */
@AbiStruct(name = "hv_reply")
public class HvReply {
  @S32 public int status;
}
