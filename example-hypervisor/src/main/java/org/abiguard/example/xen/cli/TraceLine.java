package org.abiguard.example.xen.cli;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** One parsed line of a trace. */
sealed interface TraceLine {
  /** The 1-based line number. */
  int line();

  /** {@code machine frames=N preempt=N}. */
  record Machine(int line, int frames, int preempt) implements TraceLine {}

  /** {@code domain ID [privileged] [abi=..] [max=N] [pages=N] [max_evtchn_port=N]}. */
  record DomainDecl(
      int line,
      int id,
      boolean privileged,
      String abi,
      long maxPages,
      long pages,
      int maxEvtchnPort)
      implements TraceLine {}

  /** {@code dN: op key=value ... [-> expected]}. */
  record Call(int line, int domain, String op, Map<String, String> fields, OptionalLong expected)
      implements TraceLine {}

  /** {@code dN: write ADDR BYTE...}: the guest stores bytes in its own memory. */
  record Write(int line, int domain, long address, byte[] bytes) implements TraceLine {}

  /** {@code dN: memory_op CMD ADDR [-> expected]}: a hypercall with raw register values. */
  record RawCall(int line, int domain, long cmd, long address, OptionalLong expected)
      implements TraceLine {}

  /**
   * {@code dN: event_channel_op ADDR [-> expected]}: {@code event_channel_op_compat} with a raw
   * register value.
   */
  record RawEventChannelCall(int line, int domain, long address, OptionalLong expected)
      implements TraceLine {}

  /** A whole trace. */
  record Trace(String source, List<TraceLine> lines) {}
}
