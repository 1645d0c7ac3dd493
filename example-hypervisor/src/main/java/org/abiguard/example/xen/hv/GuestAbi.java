package org.abiguard.example.xen.hv;

import java.util.Locale;
import java.util.Optional;

/**
 * The ABI a guest runs in. It decides the size of {@code unsigned long} ({@code xen_ulong_t},
 * {@code xen_pfn_t}), of guest handles and of the hypercall registers, and which generated codec
 * the hypervisor uses for the guest's argument structs ({@code FooMarshaller.codec(abi.id())}).
 */
public enum GuestAbi {
  /** A 64-bit guest: LP64, 8-byte {@code long} and pointers. */
  X86_64("x86_64", 8),
  /** A 32-bit guest: ILP32, 4-byte {@code long} and pointers, 4-aligned 64-bit integers. */
  I386("i386", 4);

  private final String id;
  private final int longBytes;

  GuestAbi(String id, int longBytes) {
    this.id = id;
    this.longBytes = longBytes;
  }

  /** The ABI name abiguard uses ({@code -Aabiguard.abis}, {@code codec(String)}). */
  public String id() {
    return id;
  }

  /** {@code sizeof(unsigned long)}, also {@code sizeof(void *)} on x86. */
  public int longBytes() {
    return longBytes;
  }

  /** {@code value} as this ABI's {@code unsigned long} would hold it: C's wrap-around. */
  public long wrapUlong(long value) {
    return longBytes == 8 ? value : value & 0xFFFF_FFFFL;
  }

  /** A hypercall's {@code long} return value as the guest's register holds it, sign-extended. */
  public long wrapReturn(long value) {
    return longBytes == 8 ? value : (int) value;
  }

  /** The largest {@code unsigned long}, as raw bits. */
  public long maxUlong() {
    return wrapUlong(-1L);
  }

  /** The ABI named {@code id} ({@code x86_64} or {@code i386}, any case). */
  public static Optional<GuestAbi> byId(String id) {
    String want = id.toLowerCase(Locale.ROOT);
    for (GuestAbi abi : values()) {
      if (abi.id.equals(want)) {
        return Optional.of(abi);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return id;
  }
}
