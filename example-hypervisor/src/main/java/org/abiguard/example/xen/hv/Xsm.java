package org.abiguard.example.xen.hv;

import org.abiguard.example.xen.pub.Errno;

/** The permission checks of Xen's default security policy ({@code xsm/dummy.h}). */
final class Xsm {
  private Xsm() {}

  /** {@code XSM_TARGET}: a domain may act on itself; a privileged domain on any domain. */
  static int target(Domain source, Domain target) {
    return source == target || source.privileged() ? 0 : -Errno.EPERM;
  }

  /** {@code XSM_PRIV}: only a privileged domain. */
  static int priv(Domain source) {
    return source.privileged() ? 0 : -Errno.EPERM;
  }
}
