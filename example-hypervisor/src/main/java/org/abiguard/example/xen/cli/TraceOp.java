package org.abiguard.example.xen.cli;

import java.util.List;
import java.util.function.Supplier;
import org.abiguard.example.xen.hv.Domain;
import org.abiguard.example.xen.hv.GuestFault;
import org.abiguard.example.xen.hv.HypercallResult;
import org.abiguard.example.xen.hv.Hypervisor;

/**
 * A {@code memory_op} sub-command or an {@code event_channel_op} command a trace names ({@code
 * add_to_physmap domid=self ...}, {@code alloc_unbound remote_dom=0}): it knows its {@code cmd},
 * its fields, how to lay its argument out in guest memory, how to issue the hypercall and how to
 * show it.
 */
interface TraceOp {
  /**
   * The name in traces: the {@code XENMEM_} or {@code EVTCHNOP_} constant in lower case without the
   * prefix.
   */
  String name();

  /** The {@code cmd} value. */
  int cmd();

  /**
   * Issues the hypercall with the argument at {@code arg}: {@code memory_op(cmd, arg)} unless the
   * operation says otherwise.
   */
  default HypercallResult issue(Hypervisor xen, Domain caller, long arg) {
    return xen.memoryOp(caller, cmd(), arg);
  }

  /** The field names this operation accepts. */
  List<String> keys();

  /**
   * Writes the argument built from {@code fields} into {@code area} (defaults for fields that are
   * not given) and decodes it back as the hypervisor will see it.
   *
   * @throws TraceException for a value that does not fit or a malformed list
   * @throws GuestFault if the guest memory for the argument is not mapped
   */
  Prepared prepare(Fields fields, ArgumentArea area) throws TraceException, GuestFault;

  /**
   * A prepared argument.
   *
   * @param arguments the argument as the hypervisor reads it, {@code key=value ...}
   * @param results after the call: what it changed or returned in guest memory, or ""
   */
  record Prepared(String arguments, Supplier<String> results) {}
}
