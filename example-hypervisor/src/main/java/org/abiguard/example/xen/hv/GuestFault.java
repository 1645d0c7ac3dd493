package org.abiguard.example.xen.hv;

/**
 * A guest address the hypervisor tried to read or write is not mapped in the guest's p2m (or lies
 * outside its address space): Xen's {@code copy_from_guest} failing, which the hypercall turns into
 * {@code -EFAULT}.
 */
public final class GuestFault extends Exception {
  private static final long serialVersionUID = 1L;

  private final long address;

  GuestFault(long address, String why) {
    super(String.format("guest address 0x%x: %s", address, why));
    this.address = address;
  }

  /** The first guest-physical address that could not be accessed. */
  public long address() {
    return address;
  }
}
