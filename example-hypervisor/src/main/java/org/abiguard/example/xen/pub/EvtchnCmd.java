package org.abiguard.example.xen.pub;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code EVTCHNOP_*} commands of {@code HYPERVISOR_event_channel_op} and the {@code
 * EVTCHNSTAT_*} states {@code EVTCHNOP_status} reports, with Xen's values ({@code
 * public/event_channel.h}).
 */
public final class EvtchnCmd {
  private EvtchnCmd() {}

  public static final int BIND_INTERDOMAIN = 0;
  public static final int BIND_VIRQ = 1;
  public static final int BIND_PIRQ = 2;
  public static final int CLOSE = 3;
  public static final int SEND = 4;
  public static final int STATUS = 5;
  public static final int ALLOC_UNBOUND = 6;
  public static final int BIND_IPI = 7;
  public static final int BIND_VCPU = 8;
  public static final int UNMASK = 9;

  /** {@code EVTCHNSTAT_closed}: the port is not in use. */
  public static final int STAT_CLOSED = 0;

  /** {@code EVTCHNSTAT_unbound}: offered to {@code u.unbound.dom}. */
  public static final int STAT_UNBOUND = 1;

  /** {@code EVTCHNSTAT_interdomain}: connected to {@code u.interdomain.dom}'s {@code port}. */
  public static final int STAT_INTERDOMAIN = 2;

  /** {@code EVTCHNSTAT_pirq}. */
  public static final int STAT_PIRQ = 3;

  /** {@code EVTCHNSTAT_virq}. */
  public static final int STAT_VIRQ = 4;

  /** {@code EVTCHNSTAT_ipi}. */
  public static final int STAT_IPI = 5;

  private static final Map<Integer, String> NAMES = new TreeMap<>();
  private static final Map<Integer, String> STATUS_NAMES = new TreeMap<>();

  static {
    NAMES.put(BIND_INTERDOMAIN, "bind_interdomain");
    NAMES.put(BIND_VIRQ, "bind_virq");
    NAMES.put(BIND_PIRQ, "bind_pirq");
    NAMES.put(CLOSE, "close");
    NAMES.put(SEND, "send");
    NAMES.put(STATUS, "status");
    NAMES.put(ALLOC_UNBOUND, "alloc_unbound");
    NAMES.put(BIND_IPI, "bind_ipi");
    NAMES.put(BIND_VCPU, "bind_vcpu");
    NAMES.put(UNMASK, "unmask");
    STATUS_NAMES.put(STAT_CLOSED, "closed");
    STATUS_NAMES.put(STAT_UNBOUND, "unbound");
    STATUS_NAMES.put(STAT_INTERDOMAIN, "interdomain");
    STATUS_NAMES.put(STAT_PIRQ, "pirq");
    STATUS_NAMES.put(STAT_VIRQ, "virq");
    STATUS_NAMES.put(STAT_IPI, "ipi");
  }

  /** The command's name without {@code EVTCHNOP_}, in lower case as in the header. */
  public static Optional<String> name(long cmd) {
    return cmd >= 0 && cmd <= Integer.MAX_VALUE
        ? Optional.ofNullable(NAMES.get((int) cmd))
        : Optional.empty();
  }

  /** The state's name without {@code EVTCHNSTAT_}. */
  public static Optional<String> statusName(long status) {
    return status >= 0 && status <= Integer.MAX_VALUE
        ? Optional.ofNullable(STATUS_NAMES.get((int) status))
        : Optional.empty();
  }
}
