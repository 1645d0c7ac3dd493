package org.abiguard.example.xen.hv;

/**
 * What the guest sees when a hypercall finally returns.
 *
 * @param rc the return value as the guest's register holds it: a count, a value, 0, or a negated
 *     {@link org.abiguard.example.xen.pub.Errno errno}
 * @param continuations how many times the hypervisor preempted the call and the guest re-executed
 *     it before it completed
 */
public record HypercallResult(long rc, int continuations) {}
