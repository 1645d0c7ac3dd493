package org.abiguard.example.xen.pub;

import org.abiguard.AbiName;
import org.abiguard.AbiStruct;
import org.abiguard.U32;

/**
 * One entry of the memory maps {@code XENMEM_memory_map} returns and {@code XENMEM_set_memory_map}
 * takes: Xen's {@code struct e820entry}.
 *
 * <pre>{@code
 * struct __packed e820entry {
 *     uint64_t addr;
 *     uint64_t size;
 *     uint32_t type;
 * };
 * }</pre>
 *
 * <p>The C struct is packed: 20 bytes on every ABI, so an array of them has its 64-bit members
 * at 4-aligned offsets. abiguard has no packed layouts; this mirror declares the same 20 bytes as
 * five 32-bit words (alignment 4, as the members have in an array), with {@link #addr()} and
 * {@link #size()} joining the halves.
 */
@AbiStruct(name = "xen_e820entry")
public class XenE820Entry {
  /** E820 type of usable RAM. */
  public static final int E820_RAM = 1;
  /** E820 type of reserved memory. */
  public static final int E820_RESERVED = 2;

  /** Low half of the start address. */
  @AbiName("addr_lo") @U32 public long addrLo;
  /** High half of the start address. */
  @AbiName("addr_hi") @U32 public long addrHi;
  /** Low half of the length in bytes. */
  @AbiName("size_lo") @U32 public long sizeLo;
  /** High half of the length in bytes. */
  @AbiName("size_hi") @U32 public long sizeHi;
  /** {@code E820_*}. */
  @U32 public long type;

  /** An all-zero entry. */
  public XenE820Entry() {}

  /** An entry covering {@code [addr, addr + size)} of {@code type}. */
  public static XenE820Entry of(long addr, long size, long type) {
    XenE820Entry e = new XenE820Entry();
    e.addrLo = addr & 0xFFFF_FFFFL;
    e.addrHi = addr >>> 32;
    e.sizeLo = size & 0xFFFF_FFFFL;
    e.sizeHi = size >>> 32;
    e.type = type;
    return e;
  }

  /** The 64-bit start address. */
  public long addr() {
    return addrHi << 32 | addrLo;
  }

  /** The 64-bit length in bytes. */
  public long size() {
    return sizeHi << 32 | sizeLo;
  }
}
