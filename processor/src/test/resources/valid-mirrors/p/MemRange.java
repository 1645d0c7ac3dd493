package p;

import org.abiguard.AbiArray;
import org.abiguard.AbiName;
import org.abiguard.AbiStruct;
import org.abiguard.Endian;
import org.abiguard.S32;
import org.abiguard.U64;
import org.abiguard.U8;

/** A record mirror of a big-endian typedef'd struct, with an array of primitives. */
@AbiStruct(name = "xen_mem_range_t", typedef = true, order = Endian.BIG)
public record MemRange(
    @U64 long start,
    @AbiName("nr_pages") @S32 int nrPages,
    @AbiArray(4) @U8 byte[] tag) {}
