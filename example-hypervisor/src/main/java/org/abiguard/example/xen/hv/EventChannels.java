package org.abiguard.example.xen.hv;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One domain's event channel ports ({@code d->evtchn}, Xen's {@code struct evtchn} array): each
 * port is free, reserved (port 0), unbound (offered to a remote domain) or interdomain (connected
 * to a port of a remote domain), with its pending bit ({@code evtchn_port_set_pending}, the 2-level
 * ABI's bit in the shared info page).
 *
 * <p>As in Xen, ports exist in buckets: a port is valid ({@code port_is_valid}) once the bucket
 * that holds it has been allocated, which happens when a port in it is first handed out; a valid
 * port may be free. A domain may use ports up to its {@code max_evtchn_port} (the toolstack's
 * {@code max_event_channels}, default 1023) and below the 2-level ABI's limit ({@code
 * EVTCHN_2L_NR_CHANNELS}: 4096 for a 64-bit guest, 1024 for a 32-bit one).
 */
public final class EventChannels {
  /** Ports per bucket: Xen's {@code EVTCHNS_PER_BUCKET} with a 64-byte {@code struct evtchn}. */
  public static final int PORTS_PER_BUCKET = 64;

  /** The toolstack's default {@code max_evtchn_port}. */
  public static final int DEFAULT_MAX_PORT = 1023;

  /** A port's state ({@code ECS_*}). */
  public enum State {
    FREE,
    RESERVED,
    UNBOUND,
    INTERDOMAIN
  }

  /**
   * What a port holds.
   *
   * @param remoteDomid for {@link State#UNBOUND}: the domain allowed to bind it; for {@link
   *     State#INTERDOMAIN}: the domain at the other end; else 0
   * @param remotePort for {@link State#INTERDOMAIN}: the port at the other end; else 0
   * @param notifyVcpu the vCPU notified ({@code notify_vcpu_id}; the model has vCPU 0 only)
   */
  public record Channel(
      State state, int remoteDomid, int remotePort, int notifyVcpu, boolean pending) {
    static final Channel FREE = new Channel(State.FREE, 0, 0, 0, false);

    Channel withPending(boolean now) {
      return new Channel(state, remoteDomid, remotePort, notifyVcpu, now);
    }
  }

  private final int maxPort;
  private final List<Channel> ports = new ArrayList<>();

  /**
   * @param abi decides the 2-level ABI's limit
   * @param maxEvtchnPort the highest port the domain may use ({@code d->max_evtchn_port})
   */
  EventChannels(GuestAbi abi, int maxEvtchnPort) {
    if (maxEvtchnPort < 0) {
      throw new IllegalArgumentException("max_evtchn_port cannot be negative: " + maxEvtchnPort);
    }
    this.maxPort = Math.min(maxEvtchnPort, limit(abi) - 1);
    // evtchn_init: port 0 is taken at once and reserved
    allocate(0);
    ports.set(0, new Channel(State.RESERVED, 0, 0, 0, false));
  }

  /** {@code EVTCHN_2L_NR_CHANNELS} for the guest's {@code xen_ulong_t}: bits in a word, squared. */
  public static int limit(GuestAbi abi) {
    int bits = abi.longBytes() * 8;
    return bits * bits;
  }

  /** The highest port the domain may use. */
  public int maxPort() {
    return maxPort;
  }

  /** {@code port_is_valid}: its bucket has been allocated. */
  public boolean valid(long port) {
    return port >= 0 && port < ports.size();
  }

  /** The port, if valid. */
  public Optional<Channel> port(long port) {
    return valid(port) ? Optional.of(ports.get((int) port)) : Optional.empty();
  }

  /** The ports whose bucket is allocated ({@code d->valid_evtchns}). */
  public int validPorts() {
    return ports.size();
  }

  /** The ports in use (not free, port 0 included). */
  public List<Integer> inUse() {
    List<Integer> used = new ArrayList<>();
    for (int p = 0; p < ports.size(); p++) {
      if (ports.get(p).state() != State.FREE) {
        used.add(p);
      }
    }
    return used;
  }

  /**
   * {@code get_free_port}: the lowest free port up to {@link #maxPort()}, its bucket allocated; the
   * port stays free until the caller sets it.
   *
   * @return the port, or -1 if none is left ({@code -ENOSPC})
   */
  int freePort() {
    for (int p = 0; p <= maxPort; p++) {
      if (p >= ports.size()) {
        allocate(p);
      }
      if (ports.get(p).state() == State.FREE) {
        return p;
      }
    }
    return -1;
  }

  private void allocate(int port) {
    while (ports.size() <= port) {
      for (int i = 0; i < PORTS_PER_BUCKET; i++) {
        ports.add(Channel.FREE);
      }
    }
  }

  void set(int port, Channel channel) {
    ports.set(port, channel);
  }

  /** {@code evtchn_free}: back to free, the pending bit cleared, bound to vCPU 0. */
  void free(int port) {
    ports.set(port, Channel.FREE);
  }

  /** {@code evtchn_port_set_pending}. */
  void setPending(int port) {
    ports.set(port, ports.get(port).withPending(true));
  }
}
