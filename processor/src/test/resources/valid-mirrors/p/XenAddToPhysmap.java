package p;

import org.abiguard.AbiAlign;
import org.abiguard.AbiName;
import org.abiguard.AbiStruct;
import org.abiguard.Pointer;
import org.abiguard.S8;
import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U64;
import org.abiguard.U8;

/** A class mirror: aliases, typedefs, C names, pointers, alignment, Java-only fields. */
@AbiStruct(name = "xen_add_to_physmap")
public class XenAddToPhysmap {
  static final int VERSION = 1;
  static @U16 int maxSize = 0xFFFF;

  @DomId int domid;
  @U16 int size;
  @U32 long space;
  @XenUlong long idx;
  @XenPfn long gpfn;
  @AbiName("nr_extents") @U32 int nrExtents;
  @Pointer long extentStart;
  @AbiAlign(8) @U64 long bytes;
  @U8 byte flags;
  @S8 int delta;
  transient String cachedName;
}
