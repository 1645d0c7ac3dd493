package org.abiguard.example.xen.pub;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Xen's error numbers ({@code public/errno.h}); hypercalls return them negated. */
public final class Errno {
  private Errno() {}

  public static final int EPERM = 1;
  public static final int ENOENT = 2;
  public static final int ESRCH = 3;
  public static final int EINTR = 4;
  public static final int EIO = 5;
  public static final int ENXIO = 6;
  public static final int E2BIG = 7;
  public static final int EAGAIN = 11;
  public static final int ENOMEM = 12;
  public static final int EACCES = 13;
  public static final int EFAULT = 14;
  public static final int EBUSY = 16;
  public static final int EEXIST = 17;
  public static final int EXDEV = 18;
  public static final int ENODEV = 19;
  public static final int EINVAL = 22;
  public static final int ENOSPC = 28;
  public static final int EDOM = 33;
  public static final int ERANGE = 34;
  public static final int ENOSYS = 38;
  public static final int EILSEQ = 84;
  public static final int ERESTART = 85;
  public static final int EOPNOTSUPP = 95;

  private static final Map<Integer, String> NAMES = new TreeMap<>();

  static {
    NAMES.put(EPERM, "EPERM");
    NAMES.put(ENOENT, "ENOENT");
    NAMES.put(ESRCH, "ESRCH");
    NAMES.put(EINTR, "EINTR");
    NAMES.put(EIO, "EIO");
    NAMES.put(ENXIO, "ENXIO");
    NAMES.put(E2BIG, "E2BIG");
    NAMES.put(EAGAIN, "EAGAIN");
    NAMES.put(ENOMEM, "ENOMEM");
    NAMES.put(EACCES, "EACCES");
    NAMES.put(EFAULT, "EFAULT");
    NAMES.put(EBUSY, "EBUSY");
    NAMES.put(EEXIST, "EEXIST");
    NAMES.put(EXDEV, "EXDEV");
    NAMES.put(ENODEV, "ENODEV");
    NAMES.put(EINVAL, "EINVAL");
    NAMES.put(ENOSPC, "ENOSPC");
    NAMES.put(EDOM, "EDOM");
    NAMES.put(ERANGE, "ERANGE");
    NAMES.put(ENOSYS, "ENOSYS");
    NAMES.put(EILSEQ, "EILSEQ");
    NAMES.put(ERESTART, "ERESTART");
    NAMES.put(EOPNOTSUPP, "EOPNOTSUPP");
  }

  /** The symbolic name of error number {@code errno} (positive), if known. */
  public static Optional<String> name(long errno) {
    return errno > 0 && errno <= Integer.MAX_VALUE
        ? Optional.ofNullable(NAMES.get((int) errno))
        : Optional.empty();
  }

  /** The error number named {@code name} ({@code EINVAL}, any case). */
  public static Optional<Integer> byName(String name) {
    for (Map.Entry<Integer, String> e : NAMES.entrySet()) {
      if (e.getValue().equalsIgnoreCase(name)) {
        return Optional.of(e.getKey());
      }
    }
    return Optional.empty();
  }

  /** A return value for people: {@code -22 (EINVAL)} for errors, the number otherwise. */
  public static String describe(long rc) {
    if (rc < 0) {
      return rc + name(-rc).map(n -> " (" + n + ")").orElse("");
    }
    return Long.toString(rc);
  }
}
