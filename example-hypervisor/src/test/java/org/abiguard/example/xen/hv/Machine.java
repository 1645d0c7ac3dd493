package org.abiguard.example.xen.hv;

/**
 * The test machine: 512 frames, preemption after 4 units of work, a privileged dom0 (max 256 pages,
 * 64 at gfn 0..63), an unprivileged d1 (max 128, 32 at gfn 0..31) and an unprivileged d2 (max 64,
 * 16 at gfn 0..15), all of one ABI.
 */
record Machine(Hypervisor xen, Guest dom0, Guest d1, Guest d2) {
  static final int FRAMES = 512;
  static final int BUDGET = 4;

  static Machine of(GuestAbi abi) {
    return of(abi, abi);
  }

  /** dom0 of one ABI, the unprivileged guests of another. */
  static Machine of(GuestAbi dom0Abi, GuestAbi guestAbi) {
    Hypervisor xen = new Hypervisor(FRAMES, BUDGET);
    Domain dom0 = xen.createDomain(0, true, dom0Abi, 256);
    Domain d1 = xen.createDomain(1, false, guestAbi, 128);
    Domain d2 = xen.createDomain(2, false, guestAbi, 64);
    xen.populate(dom0, 0, 64);
    xen.populate(d1, 0, 32);
    xen.populate(d2, 0, 16);
    return new Machine(xen, new Guest(xen, dom0), new Guest(xen, d1), new Guest(xen, d2));
  }
}
