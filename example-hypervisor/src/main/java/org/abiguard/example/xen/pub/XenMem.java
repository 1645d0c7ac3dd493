package org.abiguard.example.xen.pub;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code XENMEM_*} sub-commands of {@code HYPERVISOR_memory_op} and the bits of its {@code cmd}
 * argument, with Xen's values ({@code public/memory.h}).
 *
 * <p>{@code cmd} carries the sub-command in its low {@link #MEMOP_EXTENT_SHIFT} bits; the bits
 * above are the extent to start from, which the hypervisor sets when it preempts a long reservation
 * request and the guest re-executes the hypercall.
 */
public final class XenMem {
  private XenMem() {}

  public static final int INCREASE_RESERVATION = 0;
  public static final int DECREASE_RESERVATION = 1;
  public static final int MAXIMUM_RAM_PAGE = 2;
  public static final int CURRENT_RESERVATION = 3;
  public static final int MAXIMUM_RESERVATION = 4;
  public static final int MACHPHYS_MFN_LIST = 5;
  public static final int POPULATE_PHYSMAP = 6;
  public static final int ADD_TO_PHYSMAP = 7;
  public static final int MEMORY_MAP = 9;
  public static final int MACHINE_MEMORY_MAP = 10;
  public static final int EXCHANGE = 11;
  public static final int MACHPHYS_MAPPING = 12;
  public static final int SET_MEMORY_MAP = 13;
  public static final int MAXIMUM_GPFN = 14;
  public static final int REMOVE_FROM_PHYSMAP = 15;
  public static final int SET_POD_TARGET = 16;
  public static final int GET_POD_TARGET = 17;
  public static final int GET_SHARING_FREED_PAGES = 18;
  public static final int GET_SHARING_SHARED_PAGES = 19;
  public static final int PAGING_OP = 20;
  public static final int ACCESS_OP = 21;
  public static final int SHARING_OP = 22;
  public static final int ADD_TO_PHYSMAP_BATCH = 23;
  public static final int CLAIM_PAGES = 24;

  /** {@code cmd >> MEMOP_EXTENT_SHIFT} is the extent to continue from. */
  public static final int MEMOP_EXTENT_SHIFT = 6;

  /** {@code cmd & MEMOP_CMD_MASK} is the sub-command. */
  public static final int MEMOP_CMD_MASK = (1 << MEMOP_EXTENT_SHIFT) - 1;

  /** {@code XENMEMF_get_address_bits(mem_flags)}: frames must lie below {@code 2^bits} bytes. */
  public static final long MEMF_ADDRESS_BITS_MASK = 0xFF;

  /** {@code XENMEMF_populate_on_demand}. */
  public static final long MEMF_POPULATE_ON_DEMAND = 1L << 16;

  /** Largest number of entries {@code XENMEM_set_memory_map} accepts ({@code E820MAX}). */
  public static final int E820MAX = 128;

  private static final Map<Integer, String> NAMES = new TreeMap<>();

  static {
    name(INCREASE_RESERVATION, "increase_reservation");
    name(DECREASE_RESERVATION, "decrease_reservation");
    name(MAXIMUM_RAM_PAGE, "maximum_ram_page");
    name(CURRENT_RESERVATION, "current_reservation");
    name(MAXIMUM_RESERVATION, "maximum_reservation");
    name(MACHPHYS_MFN_LIST, "machphys_mfn_list");
    name(POPULATE_PHYSMAP, "populate_physmap");
    name(ADD_TO_PHYSMAP, "add_to_physmap");
    name(MEMORY_MAP, "memory_map");
    name(MACHINE_MEMORY_MAP, "machine_memory_map");
    name(EXCHANGE, "exchange");
    name(MACHPHYS_MAPPING, "machphys_mapping");
    name(SET_MEMORY_MAP, "set_memory_map");
    name(MAXIMUM_GPFN, "maximum_gpfn");
    name(REMOVE_FROM_PHYSMAP, "remove_from_physmap");
    name(SET_POD_TARGET, "set_pod_target");
    name(GET_POD_TARGET, "get_pod_target");
    name(GET_SHARING_FREED_PAGES, "get_sharing_freed_pages");
    name(GET_SHARING_SHARED_PAGES, "get_sharing_shared_pages");
    name(PAGING_OP, "paging_op");
    name(ACCESS_OP, "access_op");
    name(SHARING_OP, "sharing_op");
    name(ADD_TO_PHYSMAP_BATCH, "add_to_physmap_batch");
    name(CLAIM_PAGES, "claim_pages");
  }

  private static void name(int op, String name) {
    NAMES.put(op, name);
  }

  /** The lower-case name after {@code XENMEM_} of sub-command {@code op}, if Xen defines it. */
  public static Optional<String> name(int op) {
    return Optional.ofNullable(NAMES.get(op));
  }

  /** The sub-command named {@code name} (without {@code XENMEM_}, any case), if Xen defines it. */
  public static Optional<Integer> byName(String name) {
    for (Map.Entry<Integer, String> e : NAMES.entrySet()) {
      if (e.getValue().equalsIgnoreCase(name)) {
        return Optional.of(e.getKey());
      }
    }
    return Optional.empty();
  }
}
