package org.example.hv;

import org.abiguard.AbiStruct;
import org.abiguard.NativeLong;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "xen_add_to_physmap")
public class XenAddToPhysmap {
  @U16 public int domid;
  @U16 public int size;
  @U32 public long space;
  @NativeLong public long idx;
  @NativeLong public long gpfn;

  public XenAddToPhysmap() {}
}
