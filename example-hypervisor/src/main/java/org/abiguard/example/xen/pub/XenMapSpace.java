package org.abiguard.example.xen.pub;

import java.util.List;
import java.util.Optional;

/**
 * The {@code XENMAPSPACE_*} values of {@code xen_add_to_physmap.space} and {@code
 * xen_add_to_physmap_batch.space} ({@code public/memory.h}).
 */
public final class XenMapSpace {
  private XenMapSpace() {}

  /** The domain's shared-info page. */
  public static final int SHARED_INFO = 0;

  /** A grant-table frame. */
  public static final int GRANT_TABLE = 1;

  /** One guest frame, moved from {@code idx} to {@code gpfn}. */
  public static final int GMFN = 2;

  /** {@code size} guest frames from {@code idx}, moved to {@code gpfn}. */
  public static final int GMFN_RANGE = 3;

  /** A frame of another domain, {@code idx} a frame number in that domain. */
  public static final int GMFN_FOREIGN = 4;

  /** Device MMIO, for the hardware domain. */
  public static final int DEV_MMIO = 5;

  private static final List<String> NAMES =
      List.of("shared_info", "grant_table", "gmfn", "gmfn_range", "gmfn_foreign", "dev_mmio");

  /** The lower-case name after {@code XENMAPSPACE_}, if {@code space} is defined. */
  public static Optional<String> name(long space) {
    return space >= 0 && space < NAMES.size()
        ? Optional.of(NAMES.get((int) space))
        : Optional.empty();
  }

  /** The space named {@code name} (without {@code XENMAPSPACE_}, any case). */
  public static Optional<Integer> byName(String name) {
    for (int i = 0; i < NAMES.size(); i++) {
      if (NAMES.get(i).equalsIgnoreCase(name)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }
}
