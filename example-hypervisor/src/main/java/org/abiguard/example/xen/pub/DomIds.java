package org.abiguard.example.xen.pub;

import java.util.Optional;

/**
 * The reserved {@code domid_t} values ({@code public/xen.h}): ids from {@link
 * #DOMID_FIRST_RESERVED} up name no real domain.
 */
public final class DomIds {
  private DomIds() {}

  /** First reserved id; ids below it are real domains. */
  public static final int DOMID_FIRST_RESERVED = 0x7FF0;

  /** "The calling domain". */
  public static final int DOMID_SELF = 0x7FF0;

  /** I/O memory, for privileged mappings. */
  public static final int DOMID_IO = 0x7FF1;

  /** Xen's own frames. */
  public static final int DOMID_XEN = 0x7FF2;

  /** Copy-on-write shared frames. */
  public static final int DOMID_COW = 0x7FF3;

  /** No domain. */
  public static final int DOMID_INVALID = 0x7FF4;

  /** The idle domain. */
  public static final int DOMID_IDLE = 0x7FFF;

  /** A readable form: {@code DOMID_SELF} or the decimal id. */
  public static String format(int domid) {
    return reservedName(domid).orElse(Integer.toString(domid));
  }

  /** The name of a reserved id. */
  public static Optional<String> reservedName(int domid) {
    return switch (domid) {
      case DOMID_SELF -> Optional.of("DOMID_SELF");
      case DOMID_IO -> Optional.of("DOMID_IO");
      case DOMID_XEN -> Optional.of("DOMID_XEN");
      case DOMID_COW -> Optional.of("DOMID_COW");
      case DOMID_INVALID -> Optional.of("DOMID_INVALID");
      case DOMID_IDLE -> Optional.of("DOMID_IDLE");
      default -> Optional.empty();
    };
  }
}
