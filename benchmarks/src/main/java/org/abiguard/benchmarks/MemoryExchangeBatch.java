package org.abiguard.benchmarks;

import org.abiguard.AbiArray;
import org.abiguard.AbiName;
import org.abiguard.AbiStruct;
import org.abiguard.NativeLong;
import org.abiguard.U32;
import org.abiguard.U8;

/**
 * The larger struct of the speed table, with nested structs and arrays: Xen's {@code struct
 * xen_memory_exchange} ({@code in}, {@code out}, {@code nr_exchanged}) with two arrays added, a
 * domain handle and four frame numbers. Not a Xen struct: Xen's own has no array. 104 bytes on
 * x86_64.
 *
 * <pre>{@code
 * struct memory_exchange_batch {
 *     struct xen_memory_reservation in;    // offset 0, 32 bytes
 *     struct xen_memory_reservation out;   // offset 32
 *     xen_ulong_t nr_exchanged;            // offset 64
 *     uint8_t     handle[16];              // offset 72, xen_domain_handle_t
 *     uint32_t    frames[4];               // offset 88
 * };
 * }</pre>
 */
@AbiStruct(name = "memory_exchange_batch")
public class MemoryExchangeBatch {
  public XenMemoryReservation in;
  public XenMemoryReservation out;

  @NativeLong
  @AbiName("nr_exchanged")
  public long nrExchanged;

  @U8
  @AbiArray(16)
  public byte[] handle;

  @U32
  @AbiArray(4)
  public long[] frames;
}
