package org.abiguard.example.xen.hv;

import java.util.Collections;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A domain's physical-to-machine map: guest frame number (gfn) → machine frame number (mfn), with
 * the entry's type. Plain bookkeeping; the rules for changing it live in {@link Physmap}.
 */
public final class P2m {
  /** The largest guest frame number a p2m holds (a 52-bit guest-physical address space). */
  public static final long MAX_GFN = (1L << 40) - 1;

  /** What a p2m entry maps. */
  public enum Type {
    /** A frame the domain owns. */
    RAM,
    /** A frame another domain owns, mapped with {@code XENMAPSPACE_gmfn_foreign}. */
    FOREIGN
  }

  /** One mapping. */
  public record Entry(long mfn, Type type) {}

  private final TreeMap<Long, Entry> entries = new TreeMap<>();
  private long maxMappedGfn = -1;

  /** The entry at {@code gfn}, if mapped. */
  public Optional<Entry> lookup(long gfn) {
    return Optional.ofNullable(entries.get(gfn));
  }

  void set(long gfn, Entry entry) {
    entries.put(gfn, entry);
    maxMappedGfn = Math.max(maxMappedGfn, gfn);
  }

  void clear(long gfn) {
    entries.remove(gfn);
  }

  /** All mappings by gfn, read-only. */
  public NavigableMap<Long, Entry> entries() {
    return Collections.unmodifiableNavigableMap(entries);
  }

  /** Number of mapped gfns. */
  public int size() {
    return entries.size();
  }

  /** The highest gfn ever mapped ({@code XENMEM_maximum_gpfn}), -1 if none. */
  public long maxMappedGfn() {
    return maxMappedGfn;
  }

  /** True if {@code gfn} is a frame number this p2m can hold. */
  public static boolean validGfn(long gfn) {
    return gfn >= 0 && gfn <= MAX_GFN;
  }
}
