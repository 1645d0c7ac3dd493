package org.abiguard.example.xen.pub;

import org.abiguard.AbiStruct;
import org.abiguard.U32;
import org.abiguard.U64;

/**
 * One entry of the memory maps {@code XENMEM_memory_map} returns and {@code XENMEM_set_memory_map}
 * takes: Xen's {@code struct e820entry} ({@code xen/arch/x86/include/asm/e820.h}; the public
 * headers only say "array of e820 entries").
 *
 * <pre>{@code
 * struct __packed e820entry {
 *     uint64_t addr;
 *     uint64_t size;
 *     uint32_t type;
 * };
 * }</pre>
 *
 * <p>Packed: 20 bytes on every ABI, {@code size} at offset 8 and {@code type} at 16, no tail
 * padding, so an array of them has its 64-bit members at 4-aligned offsets.
 */
@AbiStruct(name = "e820entry", pack = 1)
public class XenE820Entry {
  /** E820 type of usable RAM. */
  public static final int E820_RAM = 1;

  /** E820 type of reserved memory. */
  public static final int E820_RESERVED = 2;

  /** The start address. */
  @U64 public long addr;

  /** The length in bytes. */
  @U64 public long size;

  /** {@code E820_*}. */
  @U32 public long type;

  /** An all-zero entry. */
  public XenE820Entry() {}

  /** An entry covering {@code [addr, addr + size)} of {@code type}. */
  public static XenE820Entry of(long addr, long size, long type) {
    XenE820Entry e = new XenE820Entry();
    e.addr = addr;
    e.size = size;
    e.type = type;
    return e;
  }
}
