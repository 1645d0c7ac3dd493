package org.abiguard.example.xen.hv;

import org.abiguard.AbiCodec;

/**
 * One execution of a hypercall: the calling domain, its memory, and Xen's preemption machinery.
 *
 * <p>{@link #preemptCheck()} stands for {@code hypercall_preempt_check()}: long operations ask it
 * between units of work, and it says yes after a fixed budget of units, so that a long request is
 * split into several executions. An operation that stops early records a continuation with {@link
 * #createContinuation(long)}: the guest then re-executes the hypercall with that {@code cmd} (and
 * the same argument address), as a real guest does when Xen rewinds its instruction pointer.
 */
final class Hypercall {
  private final Domain caller;
  private final GuestMemory memory;
  private final int budget;
  private int work;
  private long continuationCmd = -1;

  Hypercall(Domain caller, GuestMemory memory, int budget) {
    this.caller = caller;
    this.memory = memory;
    this.budget = budget;
  }

  /** The calling domain ({@code current->domain}). */
  Domain caller() {
    return caller;
  }

  /** The caller's memory, where the arguments live. */
  GuestMemory memory() {
    return memory;
  }

  /**
   * Xen's {@code copy_from_guest(&value, arg, 1)}: the struct at {@code gaddr} of the caller's
   * memory, decoded with the codec of the caller's ABI.
   *
   * @return the struct, or null if its bytes are not all mapped (the caller returns {@code
   *     -EFAULT})
   */
  <T> T copyFromGuest(AbiCodec<T> codec, long gaddr) {
    try {
      return memory.copyFromGuest(codec, gaddr);
    } catch (GuestFault fault) {
      return null;
    }
  }

  /**
   * Xen's {@code copy_to_guest(arg, &value, 1)}.
   *
   * @return true if written, false if the bytes are not all mapped (nothing is written then)
   */
  <T> boolean copyToGuest(AbiCodec<T> codec, T value, long gaddr) {
    try {
      memory.copyToGuest(codec, value, gaddr);
      return true;
    } catch (GuestFault fault) {
      return false;
    }
  }

  /** The caller's ABI. */
  GuestAbi abi() {
    return caller.abi();
  }

  /** {@code hypercall_preempt_check()}: true once this execution has used up its budget. */
  boolean preemptCheck() {
    return budget > 0 && ++work >= budget;
  }

  /**
   * {@code hypercall_create_continuation(__HYPERVISOR_memory_op, ..., cmd, arg)}: the guest will
   * re-execute the hypercall with {@code cmd}.
   *
   * @return the value the interrupted execution returns (the guest never sees it)
   */
  long createContinuation(long cmd) {
    continuationCmd = cmd;
    return cmd;
  }

  /** The {@code cmd} to re-execute with, or -1 if the hypercall completed. */
  long continuationCmd() {
    return continuationCmd;
  }
}
