package org.abiguard.example.xen.hv;

import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.TreeMap;
import org.abiguard.example.xen.pub.DomIds;

/** The live domains by id. */
public final class Domains {
  private final TreeMap<Integer, Domain> byId = new TreeMap<>();

  Domain create(int id, boolean privileged, GuestAbi abi, long maxPages, int maxEvtchnPort) {
    if (id < 0 || id >= DomIds.DOMID_FIRST_RESERVED) {
      throw new IllegalArgumentException(
          String.format(
              "domain id %d is not below DOMID_FIRST_RESERVED (0x%x)",
              id, DomIds.DOMID_FIRST_RESERVED));
    }
    if (byId.containsKey(id)) {
      throw new IllegalArgumentException("domain " + id + " exists already");
    }
    if (maxPages < 0) {
      throw new IllegalArgumentException("a reservation cannot be negative: " + maxPages);
    }
    Domain d = new Domain(id, privileged, abi, maxPages, maxEvtchnPort);
    byId.put(id, d);
    return d;
  }

  /** The domain with a real id. */
  public Optional<Domain> byId(int id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * Xen's {@code rcu_lock_domain_by_any_id}: {@code DOMID_SELF} is the caller, other ids are looked
   * up; reserved ids name no domain.
   */
  public Optional<Domain> byAnyId(Domain caller, int domid) {
    return domid == DomIds.DOMID_SELF ? Optional.of(caller) : byId(domid);
  }

  /** All domains in id order. */
  public Collection<Domain> all() {
    return Collections.unmodifiableCollection(byId.values());
  }
}
