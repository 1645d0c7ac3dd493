package org.example.xen;

import org.abiguard.AbiStruct;
import org.abiguard.NativeLong;
import org.abiguard.U16;
import org.abiguard.U32;

/** C: struct xen_add_to_physmap from Xen's public/memory.h. */
@AbiStruct(name = "xen_add_to_physmap")
public class XenAddToPhysmap {
  @DomId public int domid;
  @U16 public int size;
  @U32 public long space;
  @NativeLong public long idx;
  @NativeLong public long gpfn;
}
